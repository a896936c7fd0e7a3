import DocTree
