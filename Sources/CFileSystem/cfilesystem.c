#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cfilesystem.h"

int valgrund_exchange_paths(const char *a, const char *b) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    (void)a; (void)b;
    return -1;
#endif
}

/* Copies bytes [start, end) of `in` to the same offsets of `out`: by copy_file_range while the
   file systems allow it (the kernel moves the bytes, or shares them), else through a buffer of
   fixed size. Returns 0 or an errno value. */
static int copy_range(int in, int out, off_t start, off_t end, int *kernel_copy, char **buffer) {
    const size_t buffer_size = 1 << 20;
    off_t position = start;
    while (position < end) {
        size_t chunk = (size_t)(end - position);
        if (chunk > (size_t)1 << 30) chunk = (size_t)1 << 30;
#if defined(__linux__)
        if (*kernel_copy) {
            loff_t from = position, to = position;
            ssize_t copied = copy_file_range(in, &from, out, &to, chunk, 0);
            if (copied > 0) { position += copied; continue; }
            if (copied == 0) return 0; /* the file became shorter while it was copied */
            if (errno == EINTR) continue;
            if (errno != EXDEV && errno != ENOSYS && errno != EINVAL && errno != EOPNOTSUPP && errno != EPERM) return errno;
            *kernel_copy = 0;
        }
#endif
        if (*buffer == NULL && (*buffer = malloc(buffer_size)) == NULL) return ENOMEM;
        if (chunk > buffer_size) chunk = buffer_size;
        ssize_t got = pread(in, *buffer, chunk, position);
        if (got < 0) { if (errno == EINTR) continue; return errno; }
        if (got == 0) return 0;
        for (ssize_t done = 0; done < got;) {
            ssize_t put = pwrite(out, *buffer + done, (size_t)(got - done), position + done);
            if (put < 0) { if (errno == EINTR) continue; return errno; }
            done += put;
        }
        position += got;
    }
    return 0;
}

int valgrund_copy_file(int from_folder, const char *from, int to_folder, const char *to) {
    /* O_NONBLOCK: a pipe put in content/ must not hang the build; it is refused below. */
    int in = openat(from_folder, from, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (in < 0) return errno;
    struct stat info;
    if (fstat(in, &info) != 0) { int failure = errno; close(in); return failure; }
    if (!S_ISREG(info.st_mode)) { close(in); return EINVAL; }
    int out = openat(to_folder, to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (out < 0) { int failure = errno; close(in); return failure; }
    int failure = 0, kernel_copy = 1;
    char *buffer = NULL;
    off_t position = 0;
    /* Only the parts that hold data are copied; holes stay holes, so a sparse file stays sparse. */
    while (failure == 0 && position < info.st_size) {
        off_t data = lseek(in, position, SEEK_DATA);
        if (data < 0) {
            if (errno == ENXIO) break; /* nothing but a hole to the end */
            data = position;           /* no SEEK_DATA here: copy everything */
        }
        off_t hole = lseek(in, data, SEEK_HOLE);
        if (hole < 0 || hole > info.st_size) hole = info.st_size;
        failure = copy_range(in, out, data, hole, &kernel_copy, &buffer);
        position = hole;
    }
    free(buffer);
    if (failure == 0 && ftruncate(out, info.st_size) != 0) failure = errno;
    /* The copy keeps the original's modification time: the next build tells an unchanged copy by size and time. */
    struct timespec times[2] = { info.st_atim, info.st_mtim };
    if (failure == 0 && futimens(out, times) != 0) failure = errno;
    if (close(out) != 0 && failure == 0) failure = errno;
    close(in);
    return failure;
}
