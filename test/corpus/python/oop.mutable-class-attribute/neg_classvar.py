from typing import ClassVar


class Registry:
    handlers: ClassVar[dict[str, object]] = {}
