// SPDX-License-Identifier: Apache-2.0
// Metrics: the documented names with their types and values, served over HTTP by rank 0, and
// the exposition accepted by Prometheus's own linter (`promtool check metrics`) when installed.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "runner/metrics.hpp"
#include "runner/progress.hpp"
#include "runner_test_util.hpp"

namespace zkbatch::runner {
namespace {

// A free TCP port on 127.0.0.1 (bound to port 0, read back, released).
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

std::string http_get(int port, const std::string& path) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return "";
  }
  const std::string req = "GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n";
  (void)!::write(fd, req.data(), req.size());
  std::string body;
  char buf[4096];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;)
    body.append(buf, static_cast<size_t>(n));
  ::close(fd);
  return body;
}

void fill(Metrics& m) {
  m.add_segments_proved(3);
  m.add_cycles_proved(192);
  PhaseSeconds s;
  s[Phase::commit] = 1.5;
  s[Phase::fri] = 0.5;
  m.add_phase_seconds(s);
  m.set_active_ranks(2);
  m.set_queue_backlog(7);
  m.add_failure(Metrics::Failure::verify);
  m.set_device_memory_bytes(1, "cpu", 1 << 20);
}

TEST(Metrics, NamesTypesAndValues) {
  Metrics m;
  fill(m);
  const std::string text = m.render();
  for (const char* line :
       {"# TYPE zkbatch_segments_proved_total counter", "zkbatch_segments_proved_total 3",
        "zkbatch_cycles_proved_total 192", "# TYPE zkbatch_phase_seconds_total counter",
        "zkbatch_phase_seconds_total{phase=\"commit\"} 1.5",
        "zkbatch_phase_seconds_total{phase=\"fri\"} 0.5",
        "zkbatch_phase_seconds_total{phase=\"execute\"} 0",
        "zkbatch_phase_seconds_total{phase=\"write\"} 0", "# TYPE zkbatch_active_ranks gauge",
        "zkbatch_active_ranks 2", "zkbatch_queue_backlog 7",
        "zkbatch_failures_total{reason=\"verify\"} 1", "zkbatch_failures_total{reason=\"rank\"} 0",
        "zkbatch_device_memory_bytes{device=\"cpu\",rank=\"1\"} 1048576"}) {
    EXPECT_NE(text.find(std::string(line) + "\n"), std::string::npos) << line << "\n" << text;
  }
}

TEST(Metrics, ServedOverHttpAndLintedByPromtool) {
  const int port = free_port();
  Metrics m("127.0.0.1", port);
  fill(m);
  const std::string response = http_get(port, "/metrics");
  ASSERT_NE(response.find("200 OK"), std::string::npos) << response;
  EXPECT_NE(response.find("zkbatch_queue_backlog 7"), std::string::npos);
  // The same port cannot be served twice.
  EXPECT_THROW(Metrics("127.0.0.1", port), MetricsError);

  if (std::system("command -v promtool >/dev/null 2>&1") != 0) GTEST_SKIP() << "no promtool";
  test::TempDir dir;
  const std::string text = m.render();
  dir.write("metrics.txt", std::vector<uint8_t>(text.begin(), text.end()));
  const std::string cmd = "promtool check metrics < " + (dir.path() / "metrics.txt").string();
  EXPECT_EQ(std::system(cmd.c_str()), 0);
}

TEST(Metrics, ResidentMemoryIsPlausible) {
  const uint64_t rss = resident_memory_bytes();
  EXPECT_GT(rss, 1u << 20);
  EXPECT_LT(rss, uint64_t{64} << 30);
}

TEST(Progress, FractionAndEta) {
  ProgressCounters c;
  c.segments_known = 40;
  c.segments_proved = 12;
  EXPECT_EQ(proved_fraction(c), "12/40+");
  c.all_known = true;
  EXPECT_EQ(proved_fraction(c), "12/40");
  // 12 proved in 30 s: 2.5 s each, 28 left.
  EXPECT_DOUBLE_EQ(eta_seconds(c, 30.0), 70.0);
  // Resumed segments do not count toward the rate: 2 proved here in 30 s, 28 left.
  c.segments_resumed = 10;
  EXPECT_DOUBLE_EQ(eta_seconds(c, 30.0), 420.0);
  c.segments_resumed = 12;
  EXPECT_EQ(eta_seconds(c, 30.0), -1);
}

}  // namespace
}  // namespace zkbatch::runner
