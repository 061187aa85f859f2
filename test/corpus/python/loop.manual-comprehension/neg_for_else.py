def collect(nums):
    out = []
    for n in nums:
        out.append(n)
    else:
        out.append(None)
    return out
