# Patterns from the standard library's tarfile.py (`self.type in (CHRTYPE, BLKTYPE, FIFOTYPE)`), mailbox.py
# (`e.errno in (errno.EACCES, errno.EROFS)`) and ast.py (`type(v) not in (int, float, complex)`): UPPER_CASE constants
# and builtin types are hashable, so these tuples are constant sets written as tuples (pylint's use-set-for-membership
# and ruff's PLR6201 flag them too).
import errno

CHRTYPE, BLKTYPE, FIFOTYPE = b"3", b"4", b"6"


def is_dev(kind):
    return kind in (CHRTYPE, BLKTYPE, FIFOTYPE)  # expect: loop.linear-membership-test


def read_only(e):
    return e.errno in (errno.EACCES, errno.EROFS)  # expect: loop.linear-membership-test


def numeric(v):
    return type(v) not in (int, float, complex)  # expect: loop.linear-membership-test
