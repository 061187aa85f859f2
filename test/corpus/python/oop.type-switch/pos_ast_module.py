import ast


def describe(node):
    if isinstance(node, ast.Name):  # expect: oop.type-switch
        return node.id
    elif isinstance(node, ast.Attribute):
        return node.attr
    elif isinstance(node, ast.Call):
        return "call"
    return "?"
