"""Union Desk (工会工作台): an offline workbench for a school union chair."""

__version__ = "0.1.0"
APP_NAME = "UnionDesk"
