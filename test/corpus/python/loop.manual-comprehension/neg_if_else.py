def split(nums, small):
    big = []
    for n in nums:
        if n > 10:
            big.append(n)
        else:
            small.append(n)
    return big
