def tags_of(posts):
    tags = set()
    for post in posts:
        tags.add(post.tag)  # expect: loop.batchable-calls
    return tags
