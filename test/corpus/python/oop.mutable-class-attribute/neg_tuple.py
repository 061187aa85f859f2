class Config:
    allowed = ("a", "b")
    limit = 10
