import Caseway
print("caseway-bench")
