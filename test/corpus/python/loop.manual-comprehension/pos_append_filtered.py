def evens(nums):
    out = []
    for n in nums:
        if n % 2 == 0:
            out.append(n)  # expect: loop.manual-comprehension
    return out
