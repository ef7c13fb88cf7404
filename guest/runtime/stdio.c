// SPDX-License-Identifier: Apache-2.0
// stdin, stdout and stderr for picolibc's stdio (printf, puts, ...): stdout and stderr write
// debug text through ecall 64 on fds 1 and 2, one byte per call (debug output is not proven, so
// its cost in cycles is the only concern; guests that print much should use zkb_write). stdin
// reads the private input byte by byte.
#include <stdio.h>

#include "guest/runtime/host_calls.h"

static int zkb_putc_stdout(char c, FILE* file) {
  (void)file;
  return zkb_write(ZKB_FD_DEBUG, &c, 1) == 1 ? (unsigned char)c : EOF;
}

static int zkb_putc_stderr(char c, FILE* file) {
  (void)file;
  return zkb_write(ZKB_FD_ERROR, &c, 1) == 1 ? (unsigned char)c : EOF;
}

static int zkb_getc_stdin(FILE* file) {
  (void)file;
  unsigned char c;
  return zkb_read(ZKB_FD_INPUT, &c, 1) == 1 ? c : EOF;
}

static FILE zkb_stdout = FDEV_SETUP_STREAM(zkb_putc_stdout, NULL, NULL, _FDEV_SETUP_WRITE);
static FILE zkb_stderr = FDEV_SETUP_STREAM(zkb_putc_stderr, NULL, NULL, _FDEV_SETUP_WRITE);
static FILE zkb_stdin = FDEV_SETUP_STREAM(NULL, zkb_getc_stdin, NULL, _FDEV_SETUP_READ);

FILE* const stdout = &zkb_stdout;
FILE* const stderr = &zkb_stderr;
FILE* const stdin = &zkb_stdin;
