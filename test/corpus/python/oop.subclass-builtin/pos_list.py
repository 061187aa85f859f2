class Stack(list):  # expect: oop.subclass-builtin
    def push(self, item):
        self.append(item)
