"""Qt widgets. The only layer (with app.py) that imports Qt."""
