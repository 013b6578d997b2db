extension XMLWriter: XMLOutputWriter {}
