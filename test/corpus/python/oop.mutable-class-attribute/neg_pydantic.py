from pydantic import BaseModel


class User(BaseModel):
    tags: list[str] = []
