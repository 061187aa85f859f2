def collect(self, nums):
    for n in nums:
        self.sink.append(n)
