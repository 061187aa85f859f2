def children(nodes):
    for n in nodes:
        for c in n.children:
            if c.name == n.name:
                print(c)
                break
