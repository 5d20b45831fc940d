#ifndef VALGRUND_CFILESYSTEM_H
#define VALGRUND_CFILESYSTEM_H

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 on success, -1 otherwise.
int valgrund_exchange_paths(const char *a, const char *b);

/// Copies the regular file `from` (relative to the open folder `from_folder`, or AT_FDCWD) to a new
/// file `to` (relative to `to_folder`) without holding it in memory (copy_file_range, or a
/// fixed-size buffer), keeping holes and the modification time. Returns 0, or an errno value
/// (EINVAL when `from` is not a regular file).
int valgrund_copy_file(int from_folder, const char *from, int to_folder, const char *to);

#endif
