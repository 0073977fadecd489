<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>About Union Desk</source>
      <translation>关于工会工作台</translation>
    </message>
    <message>
      <source>Union Desk</source>
      <translation>工会工作台</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Data file</source>
      <translation>数据文件</translation>
    </message>
    <message>
      <source>Backups folder</source>
      <translation>备份文件夹</translation>
    </message>
    <message>
      <source>Printing font</source>
      <translation>打印字体</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>ActivitiesTab</name>
    <message>
      <source>Activity</source>
      <translation>活动</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始时间</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Sign-up deadline</source>
      <translation>报名截止</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Signed up</source>
      <translation>报名</translation>
    </message>
    <message>
      <source>Waiting</source>
      <translation>候补</translation>
    </message>
    <message>
      <source>Checked in</source>
      <translation>签到</translation>
    </message>
    <message>
      <source>Budget</source>
      <translation>预算（元）</translation>
    </message>
    <message>
      <source> (year)</source>
      <translation> 年</translation>
    </message>
    <message>
      <source>Search title or place</source>
      <translation>搜索活动名称或地点</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>Cannot open the data file</source>
      <translation>无法打开数据文件</translation>
    </message>
    <message>
      <source>Restore the newest good backup ({when})? The damaged file is kept.</source>
      <translation>要从最新的可用备份（{when}）恢复吗？损坏的文件会保留下来。</translation>
    </message>
    <message>
      <source>Union Desk</source>
      <translation>工会工作台</translation>
    </message>
  </context>
  <context>
    <name>HardshipTab</name>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>困难类别</translation>
    </message>
    <message>
      <source>Main cause</source>
      <translation>主要致困原因</translation>
    </message>
    <message>
      <source>Other causes</source>
      <translation>次要原因</translation>
    </message>
    <message>
      <source>Household</source>
      <translation>家庭人口</translation>
    </message>
    <message>
      <source>Monthly income</source>
      <translation>家庭月收入（元）</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Found on</source>
      <translation>建档日期</translation>
    </message>
    <message>
      <source>Last review</source>
      <translation>上次复核</translation>
    </message>
    <message>
      <source>Search name, pinyin or cause</source>
      <translation>搜索姓名、拼音或致困原因</translation>
    </message>
    <message>
      <source>Serial</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>慰问类别</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>事由</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>慰问金（元）</translation>
    </message>
    <message>
      <source>Goods</source>
      <translation>慰问品</translation>
    </message>
    <message>
      <source>Fund source</source>
      <translation>经费来源</translation>
    </message>
    <message>
      <source>Handler</source>
      <translation>经办人</translation>
    </message>
    <message>
      <source>Voided</source>
      <translation>已作废</translation>
    </message>
    <message>
      <source> (year)</source>
      <translation> 年</translation>
    </message>
    <message>
      <source>Search name, pinyin, type or serial</source>
      <translation>搜索姓名、拼音、类别或编号</translation>
    </message>
    <message>
      <source>Hardship files</source>
      <translation>困难职工档案</translation>
    </message>
    <message>
      <source>Visits and condolences</source>
      <translation>走访慰问</translation>
    </message>
    <message>
      <source>Visits: {count}, cash: {amount} yuan</source>
      <translation>共 {count} 人次，慰问金 {amount} 元</translation>
    </message>
  </context>
  <context>
    <name>HomeTab</name>
    <message>
      <source>Back up now</source>
      <translation>立即备份</translation>
    </message>
    <message>
      <source>Members in service</source>
      <translation>在职会员</translation>
    </message>
    <message>
      <source>Retired members</source>
      <translation>退休会员</translation>
    </message>
    <message>
      <source>Hardship files open</source>
      <translation>在档困难职工</translation>
    </message>
    <message>
      <source>Visits this year</source>
      <translation>本年走访慰问人次</translation>
    </message>
    <message>
      <source>Visit cash this year (yuan)</source>
      <translation>本年慰问金（元）</translation>
    </message>
    <message>
      <source>Activities this year</source>
      <translation>本年活动</translation>
    </message>
    <message>
      <source>Plan items this week</source>
      <translation>本周计划事项</translation>
    </message>
    <message>
      <source>Overdue plan items</source>
      <translation>逾期未完成的计划</translation>
    </message>
    <message>
      <source>Sign-up deadlines this week</source>
      <translation>本周报名截止的活动</translation>
    </message>
    <message>
      <source>Birthdays this month</source>
      <translation>本月生日</translation>
    </message>
    <message>
      <source>Today is {date}</source>
      <translation>今天是 {date}</translation>
    </message>
    <message>
      <source>Month {m}</source>
      <translation>{m}月</translation>
    </message>
    <message>
      <source>No backup yet</source>
      <translation>还没有备份</translation>
    </message>
    <message>
      <source>Last backup: today</source>
      <translation>上次备份：今天</translation>
    </message>
    <message numerus="yes">
      <source>Last backup: %n day(s) ago</source>
      <translation>
        <numerusform>上次备份：%n 天前</numerusform>
      </translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Home</source>
      <translation>首页</translation>
    </message>
    <message>
      <source>Work plan</source>
      <translation>工作计划</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>会员档案</translation>
    </message>
    <message>
      <source>Hardship and visits</source>
      <translation>困难帮扶</translation>
    </message>
    <message>
      <source>Activities</source>
      <translation>活动报名</translation>
    </message>
    <message>
      <source>Data file: {path}</source>
      <translation>数据文件：{path}</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Back up now</source>
      <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Restore from backup…</source>
      <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>设置(&amp;S)…</translation>
    </message>
    <message>
      <source>E&amp;xit</source>
      <translation>退出(&amp;X)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;About</source>
      <translation>关于(&amp;A)</translation>
    </message>
    <message>
      <source>Union Desk</source>
      <translation>工会工作台</translation>
    </message>
    <message>
      <source>Backing up…</source>
      <translation>正在备份…</translation>
    </message>
    <message>
      <source>Back up</source>
      <translation>备份</translation>
    </message>
    <message>
      <source>Backup saved to:
{path}</source>
      <translation>已备份到：
{path}</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>恢复</translation>
    </message>
    <message>
      <source>Replace the current data with the backup
{path}?

The current data is backed up first.</source>
      <translation>用备份
{path}
替换当前数据吗？

替换前会先备份当前数据。</translation>
    </message>
    <message>
      <source>The data was restored.</source>
      <translation>数据已恢复。</translation>
    </message>
    <message>
      <source>The data before the restore was saved to:
{path}</source>
      <translation>恢复前的数据已备份到：
{path}</translation>
    </message>
  </context>
  <context>
    <name>MembersTab</name>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Age</source>
      <translation>年龄</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Post</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>职称</translation>
    </message>
    <message>
      <source>Employment</source>
      <translation>用工性质</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Union roles</source>
      <translation>工会职务</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Search name, pinyin initials, ID number or phone</source>
      <translation>搜索姓名、拼音首字母、身份证号或电话</translation>
    </message>
  </context>
  <context>
    <name>PlanTab</name>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>事项</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source> (year)</source>
      <translation> 年</translation>
    </message>
    <message>
      <source>Search item or responsible person</source>
      <translation>搜索事项或负责人</translation>
    </message>
  </context>
  <context>
    <name>RecordList</name>
    <message numerus="yes">
      <source>%n record(s)</source>
      <translation>
        <numerusform>共 %n 条</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <source>Restore from a backup</source>
      <translation>从备份恢复</translation>
    </message>
    <message>
      <source>Choose a backup. The current data is backed up first, so a restore can be undone.</source>
      <translation>请选择一个备份。恢复前会先备份当前数据，恢复可以撤回。</translation>
    </message>
    <message>
      <source>Another file…</source>
      <translation>其他文件…</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>恢复</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Choose a backup file</source>
      <translation>选择备份文件</translation>
    </message>
    <message>
      <source>Union Desk data (*.sqlite)</source>
      <translation>工会工作台数据 (*.sqlite)</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>School name</source>
      <translation>学校名称</translation>
    </message>
    <message>
      <source>Union name</source>
      <translation>工会名称</translation>
    </message>
    <message>
      <source>Union chair</source>
      <translation>工会主席</translation>
    </message>
    <message>
      <source>Default handler</source>
      <translation>默认经办人</translation>
    </message>
    <message>
      <source>Automatic (Windows fonts, then Linux fonts, then STSong-Light)</source>
      <translation>自动（依次尝试 Windows 字体、Linux 字体、STSong-Light）</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Printing font file</source>
      <translation>打印字体文件</translation>
    </message>
    <message>
      <source>Language (after restart)</source>
      <translation>界面语言（重启后生效）</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Choose a font file</source>
      <translation>选择字体文件</translation>
    </message>
    <message>
      <source>Fonts (*.ttf *.ttc *.otf)</source>
      <translation>字体文件 (*.ttf *.ttc *.otf)</translation>
    </message>
    <message>
      <source>Printing will use: {font}</source>
      <translation>打印将使用：{font}</translation>
    </message>
    <message>
      <source>The font file does not exist.</source>
      <translation>字体文件不存在。</translation>
    </message>
  </context>
  <context>
    <name>parent</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
  </context>
</TS>