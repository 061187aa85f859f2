from typing import Sequence


class Config:
    names: Sequence[str] = []
