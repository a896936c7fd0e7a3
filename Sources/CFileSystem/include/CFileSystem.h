#ifndef VELLUM_CFILESYSTEM_H
#define VELLUM_CFILESYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS where the
/// platform or the file system has no atomic exchange).
int vellum_rename_exchange(const char *first, const char *second);

#endif
