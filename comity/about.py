__title__ = "comity"
__version__ = "0.1.0"
