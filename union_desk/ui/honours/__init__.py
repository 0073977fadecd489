"""评优表彰 (issue 18) on screen: the page (tab.py: 评选 and 荣誉台账), its forms on FormDialog, the award
types dialog, the certificate template editor with a live preview, the member form's 荣誉 tab and 首页."""
