def scan(redis):
    for key in redis.keys("user:*"):
        print(key)
