#ifndef CASEWAY_CEPOLL_H
#define CASEWAY_CEPOLL_H

// The Linux readiness API the Glibc module leaves out: epoll, eventfd and accept4.
// `struct epoll_event` is packed on x86-64, so readiness is returned through a plain struct instead.

#include <stdint.h>

#ifdef __linux__
#include <sys/epoll.h>
#include <sys/eventfd.h>

static const uint32_t cepoll_in = EPOLLIN;
static const uint32_t cepoll_out = EPOLLOUT;
static const uint32_t cepoll_err = EPOLLERR;
static const uint32_t cepoll_hup = EPOLLHUP;
static const uint32_t cepoll_rdhup = EPOLLRDHUP;
static const uint32_t cepoll_exclusive = EPOLLEXCLUSIVE;
static const int cepoll_ctl_add = EPOLL_CTL_ADD;
static const int cepoll_ctl_mod = EPOLL_CTL_MOD;
static const int cepoll_ctl_del = EPOLL_CTL_DEL;
#endif

/// One ready file descriptor and the events it is ready for.
typedef struct cepoll_ready {
    uint32_t events;
    int32_t fd;
} cepoll_ready;

/// epoll_create1(EPOLL_CLOEXEC); -1 and errno on failure.
int cepoll_create(void);

/// epoll_ctl with the event data set to the file descriptor itself.
int cepoll_ctl(int epfd, int op, int fd, uint32_t events);

/// epoll_wait into at most `max` (<= 512) entries of `ready`.
int cepoll_wait(int epfd, cepoll_ready *ready, int max, int timeout_ms);

/// accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC), which needs _GNU_SOURCE.
int cepoll_accept(int listener);

/// eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); -1 and errno on failure.
int cepoll_eventfd(void);

#endif
