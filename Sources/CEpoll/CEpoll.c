#define _GNU_SOURCE
#include "CEpoll.h"
#include <stddef.h>
#include <sys/socket.h>

#ifdef __linux__
int cepoll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

int cepoll_ctl(int epfd, int op, int fd, uint32_t events) {
    struct epoll_event event = {.events = events, .data.fd = fd};
    return epoll_ctl(epfd, op, fd, &event);
}

int cepoll_wait(int epfd, cepoll_ready *ready, int max, int timeout_ms) {
    struct epoll_event events[512];
    if (max > 512) max = 512;
    int count = epoll_wait(epfd, events, max, timeout_ms);
    for (int i = 0; i < count; i++) {
        ready[i].events = events[i].events;
        ready[i].fd = events[i].data.fd;
    }
    return count;
}

int cepoll_accept(int listener) {
    return accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

int cepoll_eventfd(void) {
    return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}
#endif
