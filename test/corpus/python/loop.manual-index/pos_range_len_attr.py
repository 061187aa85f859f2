class Table:
    def dump(self):
        for i in range(len(self.rows)):  # expect: loop.manual-index
            print(i, self.rows[i])
