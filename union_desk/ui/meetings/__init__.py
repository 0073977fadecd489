"""会议与登记 (issue 17): meetings with attendance and decisions, 来信来访, 合理化建议."""
