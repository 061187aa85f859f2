class Article:
    class Meta:
        ordering = ["-created"]
