def squares(nums):
    result = []
    for n in nums:
        print(n)
        result.append(n * n)
    return result
