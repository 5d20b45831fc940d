#ifndef VALGRUND_CFILESYSTEM_H
#define VALGRUND_CFILESYSTEM_H

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 on success, -1 otherwise.
int valgrund_exchange_paths(const char *a, const char *b);

#endif
