# Pattern from the standard library's mailbox.py (_singlefileMailbox hooks) and _pyio.py (IOBase.readable): a
# single-underscore or public method of a class with a base outside the file may override that base's hook, so it is
# not judged (ruff's PLR6301 flags these; pylint, which can see the base, does not when it is an override).
import io

class Reader(io.RawIOBase):
    def readable(self):
        return True

    def _pre_message_hook(self, f):
        f.write(b"\n")
