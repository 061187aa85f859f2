def running(nums):
    acc = [0]
    for n in nums:
        acc.append(acc[-1] + n)
    return acc
