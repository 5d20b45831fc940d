#ifndef VALGRUND_CFILESYSTEM_H
#define VALGRUND_CFILESYSTEM_H

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 on success, -1 otherwise.
int valgrund_exchange_paths(const char *a, const char *b);

/// Copies the regular file `from` to a new file `to` without holding it in memory (copy_file_range,
/// or a fixed-size buffer), keeping holes and the modification time. Returns 0, or an errno value
/// (EINVAL when `from` is not a regular file).
int valgrund_copy_file(const char *from, const char *to);

#endif
