def squares(nums):
    result = []
    for n in nums:
        result.append(n * n)  # expect: loop.manual-comprehension
    return result
