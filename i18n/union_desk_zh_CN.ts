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
      <source>Data version</source>
      <translation>数据版本</translation>
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
    <name>ActivitiesCommon</name>
    <message>
      <source>Reason:</source>
      <translation>原因：</translation>
    </message>
    <message>
      <source>Without a reason the sign-up is not made.</source>
      <translation>没有填写原因，未报名。</translation>
    </message>
    <message>
      <source>Sign up</source>
      <translation>报名</translation>
    </message>
    <message>
      <source>{name} is on the waiting list of “{item}” (position {position}).</source>
      <translation>{name} 已进入“{item}”候补名单（第 {position} 位）。</translation>
    </message>
    <message>
      <source>{name} is signed up for “{item}”.</source>
      <translation>{name} 已报名“{item}”。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>ActivitiesDialogs</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
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
      <source>Participation</source>
      <translation>参与率</translation>
    </message>
    <message>
      <source>Budget</source>
      <translation>预算（元）</translation>
    </message>
    <message>
      <source>Actual cost</source>
      <translation>实际支出</translation>
    </message>
    <message>
      <source> (year)</source>
      <translation> 年</translation>
    </message>
    <message>
      <source>Search title or place</source>
      <translation>搜索活动名称或地点</translation>
    </message>
    <message>
      <source>New activity…</source>
      <translation>新建活动…</translation>
    </message>
    <message>
      <source>Sign-ups and check-in</source>
      <translation>报名与签到</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
  </context>
  <context>
    <name>ActivityDetail</name>
    <message>
      <source>← Back to the list</source>
      <translation>← 返回列表</translation>
    </message>
    <message>
      <source>Edit activity…</source>
      <translation>编辑活动…</translation>
    </message>
    <message>
      <source>Import from Excel…</source>
      <translation>从表格导入报名…</translation>
    </message>
    <message>
      <source>Print sign-up list</source>
      <translation>打印报名表</translation>
    </message>
    <message>
      <source>Print sign-in sheet</source>
      <translation>打印签到表</translation>
    </message>
    <message>
      <source>Print award list</source>
      <translation>打印获奖名单</translation>
    </message>
    <message>
      <source>signed up</source>
      <translation>已报名</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>候补</translation>
    </message>
    <message>
      <source>checked in</source>
      <translation>已签到</translation>
    </message>
    <message>
      <source>eligible</source>
      <translation>符合条件</translation>
    </message>
    <message>
      <source>participation rate</source>
      <translation>参与率</translation>
    </message>
    <message>
      <source>Add item…</source>
      <translation>添加项目…</translation>
    </message>
    <message>
      <source>Change places…</source>
      <translation>修改名额…</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Sign-ups</source>
      <translation>报名</translation>
    </message>
    <message>
      <source>Teams</source>
      <translation>队伍</translation>
    </message>
    <message>
      <source>Check-in</source>
      <translation>签到</translation>
    </message>
    <message>
      <source>Time: {when}</source>
      <translation>时间：{when}</translation>
    </message>
    <message>
      <source>Place: {place}</source>
      <translation>地点：{place}</translation>
    </message>
    <message>
      <source>Status: {status}</source>
      <translation>状态：{status}</translation>
    </message>
    <message>
      <source>Category: {category}</source>
      <translation>类别：{category}</translation>
    </message>
    <message>
      <source>Organiser: {who}</source>
      <translation>组织者：{who}</translation>
    </message>
    <message>
      <source>Sign-up deadline: {when}</source>
      <translation>报名截止：{when}</translation>
    </message>
    <message>
      <source>Who may sign up: {rules}</source>
      <translation>报名条件：{rules}</translation>
    </message>
    <message>
      <source>anyone</source>
      <translation>不限</translation>
    </message>
    <message>
      <source>no limit</source>
      <translation>不限</translation>
    </message>
    <message>
      <source>{name}  {signed}/{places}, waiting {waiting}</source>
      <translation>{name}  {signed}/{places}，候补 {waiting}</translation>
    </message>
    <message>
      <source> (teams)</source>
      <translation>（团体）</translation>
    </message>
    <message>
      <source>Change places</source>
      <translation>修改名额</translation>
    </message>
    <message>
      <source>Places for “{item}” (blank = no limit):</source>
      <translation>“{item}”的名额（空为不限）：</translation>
    </message>
    <message>
      <source>Places for “{item}”: {places}.</source>
      <translation>“{item}”的名额：{places}。</translation>
    </message>
    <message>
      <source>Moved up from the waiting list: {names}</source>
      <translation>从候补名单递补：{names}</translation>
    </message>
    <message>
      <source>sign-up list</source>
      <translation>报名表</translation>
    </message>
    <message>
      <source>sign-in sheet</source>
      <translation>签到表</translation>
    </message>
    <message>
      <source>award list</source>
      <translation>获奖名单</translation>
    </message>
  </context>
  <context>
    <name>ActivityForm</name>
    <message>
      <source>Edit activity</source>
      <translation>编辑活动</translation>
    </message>
    <message>
      <source>New activity</source>
      <translation>新建活动</translation>
    </message>
    <message>
      <source>e.g. staff fun games for the New Year</source>
      <translation>如：迎新年教职工趣味运动会</translation>
    </message>
    <message>
      <source>Ends</source>
      <translation>结束时间</translation>
    </message>
    <message>
      <source>Sign-up deadline</source>
      <translation>报名截止</translation>
    </message>
    <message>
      <source>Anyone</source>
      <translation>不限</translation>
    </message>
    <message>
      <source>Men only</source>
      <translation>仅限男性</translation>
    </message>
    <message>
      <source>Women only</source>
      <translation>仅限女性</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Places (blank = no limit)</source>
      <translation>名额（空为不限）</translation>
    </message>
    <message>
      <source>Team entries</source>
      <translation>团体项目</translation>
    </message>
    <message>
      <source>Add item</source>
      <translation>添加项目</translation>
    </message>
    <message>
      <source>Remove item</source>
      <translation>删除项目</translation>
    </message>
    <message>
      <source>no limit</source>
      <translation>不限</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>活动名称</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Starts</source>
      <translation>开始时间</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Organiser</source>
      <translation>组织者</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>活动内容</translation>
    </message>
    <message>
      <source>Who may sign up</source>
      <translation>报名条件</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Age from</source>
      <translation>年龄从</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <source>Member status</source>
      <translation>会员状态</translation>
    </message>
    <message>
      <source>(none ticked = anyone)</source>
      <translation>（不勾选表示不限）</translation>
    </message>
    <message>
      <source>Budget (yuan)</source>
      <translation>预算（元）</translation>
    </message>
    <message>
      <source>Actual cost (yuan)</source>
      <translation>实际支出（元）</translation>
    </message>
    <message>
      <source>Paid from</source>
      <translation>经费来源</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>活动项目</translation>
    </message>
    <message>
      <source>Places of existing items are changed in the activity view.</source>
      <translation>已有项目的名额请在活动视图中修改。</translation>
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
      <source>Add at least one item (e.g. the activity itself).</source>
      <translation>请至少添加一个项目（如活动本身）。</translation>
    </message>
  </context>
  <context>
    <name>AddDelegatesDialog</name>
    <message>
      <source>Add delegates to {term}</source>
      <translation>添加{term}代表</translation>
    </message>
    <message>
      <source>Add to list</source>
      <translation>加入名单</translation>
    </message>
    <message>
      <source>Remove from list</source>
      <translation>移出名单</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>To be seated</source>
      <translation>当选名单</translation>
    </message>
    <message>
      <source>Delegation (group)</source>
      <translation>代表团（组）</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Elected on</source>
      <translation>当选日期</translation>
    </message>
    <message>
      <source>Only serving members can be delegates. Each member picked joins the list; the group, category and date apply to all of them.</source>
      <translation>只有在职会员可以当选代表。选中的会员加入名单；代表团（组）、类别和当选日期适用于名单上的所有人。</translation>
    </message>
    <message>
      <source>Pick at least one member.</source>
      <translation>请至少选择一位会员。</translation>
    </message>
  </context>
  <context>
    <name>AddItemDialog</name>
    <message>
      <source>Add an item</source>
      <translation>添加项目</translation>
    </message>
    <message>
      <source>e.g. tug of war</source>
      <translation>如：拔河</translation>
    </message>
    <message>
      <source>blank = no limit</source>
      <translation>空为不限</translation>
    </message>
    <message>
      <source>Team entries (teams by department or group)</source>
      <translation>团体项目（按组室或小组组队）</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Places</source>
      <translation>名额</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>添加</translation>
    </message>
  </context>
  <context>
    <name>AgendaDialog</name>
    <message>
      <source>Agenda and votes: {title}</source>
      <translation>议程与表决：{title}</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>议题</translation>
    </message>
    <message>
      <source>For</source>
      <translation>赞成</translation>
    </message>
    <message>
      <source>Against</source>
      <translation>反对</translation>
    </message>
    <message>
      <source>Abstain</source>
      <translation>弃权</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>not voted</source>
      <translation>未表决</translation>
    </message>
    <message>
      <source>Votes</source>
      <translation>表决票</translation>
    </message>
    <message>
      <source>Add item</source>
      <translation>添加议程</translation>
    </message>
    <message>
      <source>Save changes to the item</source>
      <translation>保存对议程的修改</translation>
    </message>
    <message>
      <source>Delete item</source>
      <translation>删除议程</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Present: {present} of {expected}. A vote passes with more than {half} votes for.</source>
      <translation>出席{present}人（应到{expected}人）。赞成票须多于{half}票方为通过。</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>Cannot open the data file</source>
      <translation>无法打开数据文件</translation>
    </message>
    <message>
      <source>Restore the newest good backup ({when})?
The damaged file is kept unchanged, together with its -wal and -shm files, in {folder} (names ending in .damaged).</source>
      <translation>要从最新的完好备份（{when}）恢复吗？
损坏的文件会原样保留（连同它的 -wal 和 -shm 文件），位于 {folder}（文件名以 .damaged 结尾）。</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>已恢复</translation>
    </message>
    <message>
      <source>The backup of {when} was restored. The damaged files are kept here:
{paths}</source>
      <translation>已从 {when} 的备份恢复。损坏的文件保留在：
{paths}</translation>
    </message>
    <message>
      <source>Union Desk</source>
      <translation>工会工作台</translation>
    </message>
  </context>
  <context>
    <name>AssistanceDialog</name>
    <message>
      <source>Assistance records of {name}</source>
      <translation>{name} 的帮扶记录</translation>
    </message>
    <message>
      <source>{name} ({department}), {grade}, main cause: {cause}, file status: {status}</source>
      <translation>{name}（{department}），{grade}，主要致困原因：{cause}，档案状态：{status}</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>帮扶类型</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>救助金</translation>
    </message>
    <message>
      <source>Goods</source>
      <translation>物品</translation>
    </message>
    <message>
      <source>Goods value</source>
      <translation>物品价值</translation>
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
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Add assistance</source>
      <translation>新增帮扶</translation>
    </message>
    <message>
      <source>Void</source>
      <translation>作废</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Voided: {reason}</source>
      <translation>已作废：{reason}</translation>
    </message>
    <message>
      <source>{count} record(s), {voided} of them voided (not counted), {amount} yuan</source>
      <translation>共 {count} 条，其中作废 {voided} 条（不计入），合计 {amount} 元</translation>
    </message>
    <message>
      <source>{count} record(s), {amount} yuan</source>
      <translation>共 {count} 条，合计 {amount} 元</translation>
    </message>
    <message>
      <source>Void assistance</source>
      <translation>作废帮扶记录</translation>
    </message>
    <message>
      <source>Void the {kind} of {date}.
Reason (required):</source>
      <translation>作废 {date} 的{kind}记录。
作废原因（必填）：</translation>
    </message>
  </context>
  <context>
    <name>AssistanceForm</name>
    <message>
      <source>New assistance for {name}</source>
      <translation>新增帮扶：{name}</translation>
    </message>
    <message>
      <source>e.g. rice, oil, school supplies</source>
      <translation>如：米、油、学习用品</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>帮扶类型</translation>
    </message>
    <message>
      <source>Cash (yuan)</source>
      <translation>救助金（元）</translation>
    </message>
    <message>
      <source>Goods</source>
      <translation>物品</translation>
    </message>
    <message>
      <source>Goods value (yuan)</source>
      <translation>物品价值（元）</translation>
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
      <source>Notes</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>AttendanceEditor</name>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Attendance</source>
      <translation>出席情况</translation>
    </message>
    <message>
      <source>Reason (leave, absence)</source>
      <translation>原因（请假、缺席）</translation>
    </message>
    <message>
      <source>Add person</source>
      <translation>添加</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>List again from the kind's roles</source>
      <translation>按类别重新列出应到人员</translation>
    </message>
    <message>
      <source>Add someone not in the roles:</source>
      <translation>添加其他人员：</translation>
    </message>
    <message>
      <source>e.g. sick leave</source>
      <translation>如：病假</translation>
    </message>
    <message>
      <source>Expected {expected}, present {present}, on leave {leave}, absent {absent}</source>
      <translation>应到 {expected} 人，实到 {present} 人，请假 {leave} 人，缺席 {absent} 人</translation>
    </message>
  </context>
  <context>
    <name>AwardTypesDialog</name>
    <message>
      <source>Award types</source>
      <translation>奖项设置</translation>
    </message>
    <message>
      <source>Award</source>
      <translation>奖项</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>级别</translation>
    </message>
    <message>
      <source>Awarded to</source>
      <translation>授予对象</translation>
    </message>
    <message>
      <source>Who may be nominated</source>
      <translation>推荐条件</translation>
    </message>
    <message>
      <source>Quota</source>
      <translation>名额</translation>
    </message>
    <message>
      <source>Awarded by</source>
      <translation>授予单位</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>no quota</source>
      <translation>不限</translation>
    </message>
    <message>
      <source>In use (untick to retire the award)</source>
      <translation>启用（取消勾选即停用该奖项）</translation>
    </message>
    <message>
      <source>Save award</source>
      <translation>保存奖项</translation>
    </message>
    <message>
      <source>New award</source>
      <translation>新建奖项</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Member status</source>
      <translation>会员状态</translation>
    </message>
    <message>
      <source>Union role (any one)</source>
      <translation>工会职务（任一）</translation>
    </message>
    <message>
      <source>Age</source>
      <translation>年龄</translation>
    </message>
    <message>
      <source>Default quota</source>
      <translation>默认名额</translation>
    </message>
    <message>
      <source>any</source>
      <translation>不限</translation>
    </message>
    <message>
      <source> years</source>
      <translation> 岁</translation>
    </message>
    <message>
      <source>Save the changes to this award first?</source>
      <translation>先保存对这个奖项的修改吗？</translation>
    </message>
  </context>
  <context>
    <name>BaseForm</name>
    <message>
      <source>Set the wage base</source>
      <translation>设置缴费基数</translation>
    </message>
    <message>
      <source>yuan a month</source>
      <translation>元/月</translation>
    </message>
    <message>
      <source>No wage base on file yet.</source>
      <translation>尚未设置缴费基数。</translation>
    </message>
    <message>
      <source>The base in effect on the first day of a period counts for that period. A base on the same day replaces the one on file.</source>
      <translation>每期按期初第一天适用的缴费基数计算；同一天的基数会替换原有记录。</translation>
    </message>
    <message>
      <source>Delete the selected base…</source>
      <translation>删除所选基数…</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>Bases on file</source>
      <translation>已有基数</translation>
    </message>
    <message>
      <source>Monthly wage base (yuan)</source>
      <translation>月缴费基数（元）</translation>
    </message>
    <message>
      <source>Effective from</source>
      <translation>起算日期</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Delete the wage base of {amount} yuan from {day}? The periods from that day are then counted with the base before it.</source>
      <translation>删除 {day} 起的缴费基数 {amount} 元吗？删除后，自该日起的各期按此前的基数计算。</translation>
    </message>
    <message>
      <source>Delete the wage base</source>
      <translation>删除缴费基数</translation>
    </message>
  </context>
  <context>
    <name>BatchDialog</name>
    <message>
      <source>Batch visits (send warmth)</source>
      <translation>批量送温暖</translation>
    </message>
    <message>
      <source>All open hardship files</source>
      <translation>全部在档困难职工</translation>
    </message>
    <message>
      <source>All retirees</source>
      <translation>全部退休会员</translation>
    </message>
    <message>
      <source>Chosen by hand</source>
      <translation>自选</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <source>Tick all</source>
      <translation>全选</translation>
    </message>
    <message>
      <source>Untick all</source>
      <translation>全不选</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>慰问对象</translation>
    </message>
    <message>
      <source>Add a member:</source>
      <translation>添加会员：</translation>
    </message>
    <message>
      <source>Choose a visit type</source>
      <translation>请选择慰问类别</translation>
    </message>
    <message>
      <source>e.g. Spring Festival visit</source>
      <translation>如：春节送温暖</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>走访慰问</translation>
    </message>
    <message>
      <source>Visit type</source>
      <translation>慰问类别</translation>
    </message>
    <message>
      <source>Amount each (yuan)</source>
      <translation>每人金额（元）</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>事由</translation>
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
      <source>Visitors</source>
      <translation>走访人员</translation>
    </message>
    <message>
      <source>Save all</source>
      <translation>全部保存</translation>
    </message>
    <message>
      <source>Save all and print…</source>
      <translation>全部保存并打印…</translation>
    </message>
    <message>
      <source>Save the visits, then preview and print their slips and the sign-off sheet</source>
      <translation>保存这些记录，然后预览并打印记录单和签收表</translation>
    </message>
    <message>
      <source>{count} member(s) ticked</source>
      <translation>已选 {count} 人</translation>
    </message>
    <message>
      <source>Choose a visit type.</source>
      <translation>请选择慰问类别。</translation>
    </message>
  </context>
  <context>
    <name>BatchPaymentForm</name>
    <message>
      <source>Mark as paid as owed</source>
      <translation>按应缴批量登记</translation>
    </message>
    <message>
      <source>{period}: {n} member(s), {total} yuan in all, each paying what is still owed.</source>
      <translation>{period}：共 {n} 人，合计 {total} 元，每人按尚欠的应缴金额登记。</translation>
    </message>
    <message>
      <source>… and {n} more</source>
      <translation>……另有 {n} 人</translation>
    </message>
    <message>
      <source>Date paid</source>
      <translation>缴费日期</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>缴费方式</translation>
    </message>
    <message>
      <source>Collector</source>
      <translation>收款人</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Record {n} payment(s)</source>
      <translation>登记 {n} 笔缴费</translation>
    </message>
    <message>
      <source>None of these members owes anything for the period.</source>
      <translation>这些会员本期都没有应缴的会费。</translation>
    </message>
    <message>
      <source>These {n} payment(s) need your confirmation:</source>
      <translation>以下 {n} 笔缴费需要确认：</translation>
    </message>
    <message>
      <source>Record them as well? (No: record only the others)</source>
      <translation>是否一并登记？（选“否”则只登记其余各笔）</translation>
    </message>
    <message>
      <source>Nothing was recorded.</source>
      <translation>没有登记任何缴费。</translation>
    </message>
    <message>
      <source>Not recorded:</source>
      <translation>以下未登记：</translation>
    </message>
  </context>
  <context>
    <name>BudgetPage</name>
    <message>
      <source>yuan</source>
      <translation>元</translation>
    </message>
    <message>
      <source>Save opening balance</source>
      <translation>保存上年结余</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>科目</translation>
    </message>
    <message>
      <source>Budget</source>
      <translation>预算</translation>
    </message>
    <message>
      <source>Spent</source>
      <translation>已支出</translation>
    </message>
    <message>
      <source>Execution</source>
      <translation>执行率</translation>
    </message>
    <message>
      <source>Save budgets</source>
      <translation>保存预算</translation>
    </message>
    <message>
      <source>Type the budget in the cells (yuan), then save. An entry that takes a category past its budget needs a reason.</source>
      <translation>在表格中填写预算（元）后保存。记账使科目超出预算时须填写原因。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Cap per member</source>
      <translation>每人限额</translation>
    </message>
    <message>
      <source>Goods count</source>
      <translation>计入慰问品</translation>
    </message>
    <message>
      <source>Visit types</source>
      <translation>慰问类别</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>新增…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Copy last year's</source>
      <translation>复制上一年</translation>
    </message>
    <message>
      <source>A cap group adds up what each member received across its visit types in the year (goods too when they count); the visit form warns past it.</source>
      <translation>限额组按会员合计本年在组内各慰问类别所得（计入慰问品时含慰问品价值），登记走访超过限额时提醒。</translation>
    </message>
    <message>
      <source>Opening balance of {year} (left over from last year)</source>
      <translation>{year}年上年结余</translation>
    </message>
    <message>
      <source>Budgets of {year}</source>
      <translation>{year}年预算</translation>
    </message>
    <message>
      <source>Cap groups of {year}</source>
      <translation>{year}年限额组</translation>
    </message>
    <message>
      <source>Total budget {total} yuan</source>
      <translation>预算合计 {total} 元</translation>
    </message>
    <message>
      <source>Opening balance</source>
      <translation>上年结余</translation>
    </message>
    <message>
      <source>Budgets</source>
      <translation>预算</translation>
    </message>
    <message>
      <source>Delete cap group</source>
      <translation>删除限额组</translation>
    </message>
    <message>
      <source>Delete the cap group {name} of {year}?</source>
      <translation>删除{year}年的限额组“{name}”？</translation>
    </message>
  </context>
  <context>
    <name>BulkSignUpDialog</name>
    <message>
      <source>Sign up by filter — {item}</source>
      <translation>按条件报名 — {item}</translation>
    </message>
    <message>
      <source>Anyone</source>
      <translation>不限</translation>
    </message>
    <message>
      <source>Men</source>
      <translation>男</translation>
    </message>
    <message>
      <source>Women</source>
      <translation>女</translation>
    </message>
    <message>
      <source>All departments</source>
      <translation>全部部门</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>状态不限</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Member status</source>
      <translation>会员状态</translation>
    </message>
    <message>
      <source>Age (on the day)</source>
      <translation>年龄（活动当天）</translation>
    </message>
    <message>
      <source>People already on the list or not eligible are skipped and listed afterwards. When the item is full, the rest go on the waiting list.</source>
      <translation>已报名或不符合条件的人会跳过，并在之后列出。项目名额满后，其余的人进入候补名单。</translation>
    </message>
    <message>
      <source>Sign them up</source>
      <translation>为他们报名</translation>
    </message>
    <message>
      <source>no limit</source>
      <translation>不限</translation>
    </message>
    <message numerus="yes">
      <source>%n member(s) match.</source>
      <translation>
        <numerusform>符合条件的有 %n 人。</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ByElectionDialog</name>
    <message>
      <source>By-election</source>
      <translation>补选代表</translation>
    </message>
    <message>
      <source>Replaces</source>
      <translation>接替</translation>
    </message>
    <message>
      <source>New delegate</source>
      <translation>补选代表</translation>
    </message>
    <message>
      <source>Delegation (group)</source>
      <translation>代表团（组）</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Elected on</source>
      <translation>当选日期</translation>
    </message>
    <message>
      <source>No delegate has left this term: record a departure first (离任…).</source>
      <translation>本届没有离任的代表，请先登记离任（离任…）。</translation>
    </message>
    <message>
      <source>Choose the delegate who left.</source>
      <translation>请选择离任的代表。</translation>
    </message>
    <message>
      <source>Choose the new delegate from the list (type a name or pinyin initials).</source>
      <translation>请从列表中选择补选的代表（输入姓名或拼音首字母）。</translation>
    </message>
  </context>
  <context>
    <name>CampaignForm</name>
    <message>
      <source>Edit campaign</source>
      <translation>编辑征集活动</translation>
    </message>
    <message>
      <source>New campaign</source>
      <translation>新建征集活动</translation>
    </message>
    <message>
      <source>e.g. the golden ideas campaign of 2027</source>
      <translation>如：2027年“金点子”征集</translation>
    </message>
    <message>
      <source>Ends on</source>
      <translation>截止于</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Start date</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>End date</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
  </context>
  <context>
    <name>CapGroupForm</name>
    <message>
      <source>Edit cap group {name}</source>
      <translation>编辑限额组 {name}</translation>
    </message>
    <message>
      <source>New cap group</source>
      <translation>新增限额组</translation>
    </message>
    <message>
      <source>e.g. 节日慰问</source>
      <translation>例如：节日慰问</translation>
    </message>
    <message>
      <source>yuan</source>
      <translation>元</translation>
    </message>
    <message>
      <source>Goods count towards the cap (at their value)</source>
      <translation>慰问品按价值计入限额</translation>
    </message>
    <message>
      <source>Visit types in the group</source>
      <translation>包含的慰问类别</translation>
    </message>
    <message>
      <source>Each type keeps its own caps too; the group adds up what a member received across all its types in the year.</source>
      <translation>各慰问类别原有的标准上限照常有效；限额组把会员本年在组内各类别所得合计计算。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Cap per member per year</source>
      <translation>每人每年限额</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
  </context>
  <context>
    <name>CategoriesDialog</name>
    <message>
      <source>Fund categories and budgets</source>
      <translation>经费科目与预算</translation>
    </message>
    <message>
      <source> (year)</source>
      <translation>年</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>收支</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Budget</source>
      <translation>预算</translation>
    </message>
    <message>
      <source>e.g. 3.5 (income starts with 0.)</source>
      <translation>例如 3.5（收入科目以 0. 开头）</translation>
    </message>
    <message>
      <source>no budget</source>
      <translation>未设预算</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>科目</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Save category</source>
      <translation>保存科目</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>A category that has entries cannot be deleted: untick 'In use' to retire it. Income codes start with 0., spending codes with 1.–6.</source>
      <translation>已有记账的科目不能删除，取消“启用”即可停用。收入科目编码以 0. 开头，支出科目以 1.～6. 开头。</translation>
    </message>
    <message>
      <source>Budgets of</source>
      <translation>预算年度</translation>
    </message>
    <message>
      <source>Budget of {year}</source>
      <translation>{year}年预算</translation>
    </message>
    <message>
      <source>{kind} · {n} entries</source>
      <translation>{kind} · 记账 {n} 笔</translation>
    </message>
    <message>
      <source>It has entries: untick 'In use' to retire it.</source>
      <translation>已有记账：取消“启用”即可停用。</translation>
    </message>
    <message>
      <source>New category</source>
      <translation>新科目</translation>
    </message>
    <message>
      <source>Delete category</source>
      <translation>删除科目</translation>
    </message>
    <message>
      <source>Delete the category {label}?</source>
      <translation>删除科目“{label}”？</translation>
    </message>
  </context>
  <context>
    <name>CertificateTemplateDialog</name>
    <message>
      <source>Certificate template</source>
      <translation>证书模板</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>纸张</translation>
    </message>
    <message>
      <source>width</source>
      <translation>宽</translation>
    </message>
    <message>
      <source>height</source>
      <translation>高</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <source>right</source>
      <translation>向右</translation>
    </message>
    <message>
      <source>down</source>
      <translation>向下</translation>
    </message>
    <message>
      <source>Offset</source>
      <translation>偏移</translation>
    </message>
    <message>
      <source>For a pre-printed insert: its paper size, and how far every line moves (negative: left or up).</source>
      <translation>套打证书内芯时：填内芯的纸张尺寸，以及所有文字整体移动的距离（负数为向左或向上）。</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <source>x mm</source>
      <translation>x 毫米</translation>
    </message>
    <message>
      <source>y mm</source>
      <translation>y 毫米</translation>
    </message>
    <message>
      <source>Size pt</source>
      <translation>字号 磅</translation>
    </message>
    <message>
      <source>Align</source>
      <translation>对齐</translation>
    </message>
    <message>
      <source>Add line</source>
      <translation>添加一行</translation>
    </message>
    <message>
      <source>Remove line</source>
      <translation>删除一行</translation>
    </message>
    <message>
      <source>Up</source>
      <translation>上移</translation>
    </message>
    <message>
      <source>Down</source>
      <translation>下移</translation>
    </message>
    <message>
      <source>Restore default</source>
      <translation>恢复默认</translation>
    </message>
    <message>
      <source>Lines</source>
      <translation>文字行</translation>
    </message>
    <message>
      <source>Placeholders: {names}. x, y: the line's anchor from the paper's left and top edges.</source>
      <translation>填充项：{names}。x、y：该行文字定位点到纸张左边和上边的距离。</translation>
    </message>
    <message>
      <source>Preview with sample values.</source>
      <translation>预览（示例内容）。</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>预览</translation>
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
      <source>The preview could not be drawn.</source>
      <translation>无法生成预览。</translation>
    </message>
  </context>
  <context>
    <name>CheckInPage</name>
    <message>
      <source>Type a name or pinyin initials, then press Enter</source>
      <translation>输入姓名或拼音首字母，然后按回车</translation>
    </message>
    <message>
      <source>Several people match — choose one (Enter or double-click):</source>
      <translation>有多人符合，请选择一人（回车或双击）：</translation>
    </message>
    <message>
      <source>Walk-in (did not sign up)</source>
      <translation>现场报名（未事先报名）</translation>
    </message>
    <message>
      <source>Sign up and check in</source>
      <translation>报名并签到</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Checked in at</source>
      <translation>签到时间</translation>
    </message>
    <message>
      <source>Checked in: {present} of {total}</source>
      <translation>已签到：{present} / {total}</translation>
    </message>
    <message>
      <source>Check-in</source>
      <translation>签到</translation>
    </message>
    <message>
      <source>Nobody signed up and not yet checked in matches “{text}”. People already checked in are not listed; add a walk-in below.</source>
      <translation>没有与“{text}”相符的已报名且未签到的人。已签到的人不再列出；现场报名请在下方添加。</translation>
    </message>
    <message>
      <source>{count} people match “{text}”.</source>
      <translation>有 {count} 人与“{text}”相符。</translation>
    </message>
    <message>
      <source>✓ {name} ({department}) checked in: {items}</source>
      <translation>✓ {name}（{department}）已签到：{items}</translation>
    </message>
    <message>
      <source>Walk-in</source>
      <translation>现场报名</translation>
    </message>
    <message>
      <source>Choose the item and the member first.</source>
      <translation>请先选择项目和会员。</translation>
    </message>
  </context>
  <context>
    <name>CloseDialog</name>
    <message>
      <source>Close the file of {name}</source>
      <translation>脱困/注销：{name}</translation>
    </message>
    <message>
      <source>Out of hardship</source>
      <translation>已脱困</translation>
    </message>
    <message>
      <source>Cancelled (retired, transferred, died)</source>
      <translation>已注销（退休、调出、去世）</translation>
    </message>
    <message>
      <source>Reason (required)</source>
      <translation>原因（必填）</translation>
    </message>
    <message>
      <source>New status</source>
      <translation>新状态</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
  </context>
  <context>
    <name>CloseForm</name>
    <message>
      <source>Close a period</source>
      <translation>结账</translation>
    </message>
    <message>
      <source>Other dates</source>
      <translation>其他日期</translation>
    </message>
    <message>
      <source>After closing, entries dated in the period are refused (also those posted from visits, assistance and activities) until it is reopened with a reason.</source>
      <translation>结账后，日期在该期间内的记账（包括走访慰问、帮扶和活动自动记入的）一律拒绝，直到写明原因反结账。</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>From</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>To</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <source>Close the period</source>
      <translation>结账</translation>
    </message>
  </context>
  <context>
    <name>ClosingPage</name>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>From</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>To</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>修改时间</translation>
    </message>
    <message>
      <source>Close a period…</source>
      <translation>结账…</translation>
    </message>
    <message>
      <source>Reopen…</source>
      <translation>反结账…</translation>
    </message>
    <message>
      <source>Close each term after the account check (帐目审核) and the year after the funds audit. Reopening needs a reason and is kept in the audit log.</source>
      <translation>每学期帐目审核后结账，年度经费审查后结年度账。反结账须写明原因，并记入操作日志。</translation>
    </message>
    <message>
      <source>Reopen {label} ({start} ~ {end}): entries may be dated in it again.</source>
      <translation>反结账 {label}（{start} ~ {end}）：之后又可记入该期间的收支。</translation>
    </message>
    <message>
      <source>Reopen {label}</source>
      <translation>反结账 {label}</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Reopen</source>
      <translation>反结账</translation>
    </message>
  </context>
  <context>
    <name>CompletionDialog</name>
    <message>
      <source>Plan completion {year}</source>
      <translation>{year}年工作计划完成情况</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>计划项</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Completion rate</source>
      <translation>完成率</translation>
    </message>
    <message>
      <source>Month {m}</source>
      <translation>{m}月</translation>
    </message>
    <message>
      <source>Whole year</source>
      <translation>全年</translation>
    </message>
    <message>
      <source>{year}: {done} of {planned} planned items done ({rate}); {cancelled} cancelled, {progress} in progress, {postponed} postponed. {linked} items are linked to activities or visits.</source>
      <translation>{year}年：应完成 {planned} 项，已完成 {done} 项（完成率 {rate}）；已取消 {cancelled} 项，进行中 {progress} 项，顺延 {postponed} 项。有 {linked} 项关联了活动或走访记录。</translation>
    </message>
    <message>
      <source>Completion rate = done ÷ (all items − cancelled).</source>
      <translation>完成率 = 已完成 ÷（全部计划项 − 已取消）。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>CongressSettingsPage</name>
    <message>
      <source>Staff congress</source>
      <translation>教代会</translation>
    </message>
    <message>
      <source>Quorum</source>
      <translation>法定人数</translation>
    </message>
    <message>
      <source>Majority</source>
      <translation>表决通过</translation>
    </message>
    <message>
      <source>Reply within (days)</source>
      <translation>答复期限（天）</translation>
    </message>
    <message>
      <source>Teachers at least (%)</source>
      <translation>一线教师至少（%）</translation>
    </message>
    <message>
      <source>Leaders at most (%)</source>
      <translation>干部至多（%）</translation>
    </message>
    <message>
      <source>Women gap (points)</source>
      <translation>女代表差距（百分点）</translation>
    </message>
    <message>
      <source>Separate the departments with 、 or new lines.</source>
      <translation>部门之间用“、”分隔。</translation>
    </message>
    <message>
      <source>Departments</source>
      <translation>承办部门</translation>
    </message>
  </context>
  <context>
    <name>CongressTab</name>
    <message>
      <source>Term</source>
      <translation>届次</translation>
    </message>
    <message>
      <source>The delegates page is not available.</source>
      <translation>代表页面暂不可用。</translation>
    </message>
    <message>
      <source>The proposals page is not available.</source>
      <translation>提案页面暂不可用。</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation>会议</translation>
    </message>
    <message>
      <source>Delegates</source>
      <translation>代表</translation>
    </message>
    <message>
      <source>Proposals</source>
      <translation>提案</translation>
    </message>
    <message>
      <source>No term yet</source>
      <translation>尚无届次</translation>
    </message>
  </context>
  <context>
    <name>CountBar</name>
    <message>
      <source>New</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>更新</translation>
    </message>
    <message>
      <source>Unchanged</source>
      <translation>未变</translation>
    </message>
    <message>
      <source>Errors</source>
      <translation>错误</translation>
    </message>
  </context>
  <context>
    <name>DateEdit</name>
    <message>
      <source>e.g. 1985-06-03</source>
      <translation>如 1985-06-03</translation>
    </message>
  </context>
  <context>
    <name>DecisionsDialog</name>
    <message>
      <source>Decisions of {title}</source>
      <translation>决定事项：{title}</translation>
    </message>
    <message>
      <source>Topics: {topics}</source>
      <translation>议题：{topics}</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
  </context>
  <context>
    <name>DecisionsEditor</name>
    <message>
      <source>Decision</source>
      <translation>决定事项</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>完成期限</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Plan item</source>
      <translation>计划事项</translation>
    </message>
    <message>
      <source>Add decision</source>
      <translation>添加决定事项</translation>
    </message>
    <message>
      <source>Remove decision</source>
      <translation>删除决定事项</translation>
    </message>
    <message>
      <source>Make a plan item</source>
      <translation>生成计划事项</translation>
    </message>
    <message>
      <source>Link to a plan item…</source>
      <translation>关联计划事项…</translation>
    </message>
    <message>
      <source>Deadline as 2027-03-31. Plan items are made or linked when the form is saved.</source>
      <translation>完成期限写作 2027-03-31。计划事项在保存时生成或关联。</translation>
    </message>
    <message>
      <source>(made when saved)</source>
      <translation>（保存时生成）</translation>
    </message>
    <message>
      <source>(linked when saved: {title})</source>
      <translation>（保存时关联：{title}）</translation>
    </message>
    <message>
      <source>(unlinked when saved)</source>
      <translation>（保存时取消关联）</translation>
    </message>
    <message>
      <source>This decision is already linked to a plan item.</source>
      <translation>这条决定事项已关联计划事项。</translation>
    </message>
    <message>
      <source>Decision {n}: {message}</source>
      <translation>第{n}条决定事项：{message}</translation>
    </message>
  </context>
  <context>
    <name>DelegateForm</name>
    <message>
      <source>Edit delegate {name}</source>
      <translation>编辑代表 {name}</translation>
    </message>
    <message>
      <source>Delegate</source>
      <translation>代表</translation>
    </message>
    <message>
      <source>Delegation (group)</source>
      <translation>代表团（组）</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Elected on</source>
      <translation>当选日期</translation>
    </message>
    <message>
      <source>How</source>
      <translation>产生方式</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>离任</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>DelegatesPage</name>
    <message>
      <source>e.g. 第一代表组 or 语文组</source>
      <translation>如：第一代表组、语文组</translation>
    </message>
    <message>
      <source>Delegation (group)</source>
      <translation>代表团（组）</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Elected on</source>
      <translation>当选日期</translation>
    </message>
    <message>
      <source>How</source>
      <translation>产生方式</translation>
    </message>
    <message>
      <source>Left on</source>
      <translation>离任日期</translation>
    </message>
    <message>
      <source>Reason for leaving</source>
      <translation>离任原因</translation>
    </message>
    <message>
      <source>Search name, department or group</source>
      <translation>搜索姓名、部门或代表团（组）</translation>
    </message>
    <message>
      <source>Show those who left</source>
      <translation>显示已离任</translation>
    </message>
    <message>
      <source>Add delegates…</source>
      <translation>添加代表…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Leaves…</source>
      <translation>离任…</translation>
    </message>
    <message>
      <source>By-election…</source>
      <translation>补选…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message numerus="yes">
      <source>%n delegate(s)</source>
      <translation>
        <numerusform>共 %n 人</numerusform>
      </translation>
    </message>
    <message>
      <source>, {count} left</source>
      <translation>，其中离任 {count} 人</translation>
    </message>
    <message>
      <source>No term yet: add one on the 会议 page.</source>
      <translation>还没有届次，请在“会议”页添加。</translation>
    </message>
    <message>
      <source>No delegates in this term yet.</source>
      <translation>本届还没有代表。</translation>
    </message>
    <message>
      <source>Delete delegate</source>
      <translation>删除代表</translation>
    </message>
    <message>
      <source>Delete {name} from the roster of {term}? Only for a seat entered by mistake; a delegate who leaves is recorded with 离任.</source>
      <translation>从{term}代表名册中删除{name}？仅用于误录的代表；代表离任请使用“离任”登记。</translation>
    </message>
  </context>
  <context>
    <name>DuePage</name>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Suggested type</source>
      <translation>建议类别</translation>
    </message>
    <message>
      <source>Relative</source>
      <translation>亲属</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>应访原因</translation>
    </message>
    <message>
      <source>Record the visit</source>
      <translation>登记走访</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Hardship files not visited this year, members retired in the last 60 days, relatives who died recently, and this month's birthdays.</source>
      <translation>本年未走访的困难职工、60 天内退休的会员、近期去世的亲属、本月过生日的会员。</translation>
    </message>
    <message numerus="yes">
      <source>%n member(s) to visit</source>
      <translation>
        <numerusform>应访 %n 人</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DuesPage</name>
    <message>
      <source>Unpaid only</source>
      <translation>只看未缴</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Record payment…</source>
      <translation>登记缴费…</translation>
    </message>
    <message>
      <source>Mark as paid as owed…</source>
      <translation>按应缴批量登记…</translation>
    </message>
    <message>
      <source>Void payment…</source>
      <translation>作废缴费…</translation>
    </message>
    <message>
      <source>Set wage base…</source>
      <translation>设置缴费基数…</translation>
    </message>
    <message>
      <source>Exempt…</source>
      <translation>免缴…</translation>
    </message>
    <message>
      <source>Import payroll deductions…</source>
      <translation>导入工资代扣表…</translation>
    </message>
    <message>
      <source>Print collection sheet…</source>
      <translation>打印收缴登记表…</translation>
    </message>
    <message>
      <source>Print receipt…</source>
      <translation>打印收据…</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Wage base</source>
      <translation>缴费基数</translation>
    </message>
    <message>
      <source>Owed</source>
      <translation>应缴</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>实缴</translation>
    </message>
    <message>
      <source>Months unpaid to date</source>
      <translation>至今欠缴月数</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Select several unpaid rows (Ctrl or Shift) to mark them paid at once.</source>
      <translation>按住 Ctrl 或 Shift 选择多行未缴会员，可一次批量登记。</translation>
    </message>
    <message>
      <source>{kind} · rate {rate}% · {rounding}</source>
      <translation>{kind} · 比例 {rate}% · {rounding}</translation>
    </message>
    <message>
      <source>{n} member(s) have not paid for {months} months or more (highlighted): remind them. This is a warning, not an exit from the union.</source>
      <translation>有 {n} 名会员连续 {months} 个月及以上未缴会费（已标红），请提醒其缴纳。此为提醒，并非自动退会。</translation>
    </message>
    <message>
      <source>{period}: {members} member(s), {unpaid} unpaid, {exempt} exempt · owed {owed} · paid {paid} · collection rate {rate}</source>
      <translation>{period}：会员 {members} 人，未缴 {unpaid} 人，免缴 {exempt} 人 · 应缴 {owed} 元 · 实缴 {paid} 元 · 收缴率 {rate}</translation>
    </message>
    <message>
      <source>voided {amount} paid {day}</source>
      <translation>已作废 {day} 缴纳的 {amount} 元</translation>
    </message>
    <message>
      <source>: {reason}</source>
      <translation>，原因：{reason}</translation>
    </message>
    <message>
      <source>Dues</source>
      <translation>会费</translation>
    </message>
    <message>
      <source>Select one member in the list first.</source>
      <translation>请先在列表中选择一名会员。</translation>
    </message>
    <message>
      <source>Cash payment recorded</source>
      <translation>现金缴费已登记</translation>
    </message>
    <message>
      <source>The cash payment of {amount} yuan by {name} has receipt number {receipt}.

Print the receipt now?</source>
      <translation>{name} 现金缴纳 {amount} 元，收据号 {receipt}。

现在打印收据吗？</translation>
    </message>
    <message>
      <source>Mark as paid as owed</source>
      <translation>按应缴批量登记</translation>
    </message>
    <message>
      <source>None of the rows chosen is unpaid.</source>
      <translation>所选会员都没有未缴的会费。</translation>
    </message>
    <message>
      <source>Void payment</source>
      <translation>作废缴费</translation>
    </message>
    <message>
      <source>{name} has no payment for {period}.</source>
      <translation>{name}{period}没有缴费记录。</translation>
    </message>
    <message>
      <source>Print collection sheet</source>
      <translation>打印收缴登记表</translation>
    </message>
    <message>
      <source>Print receipt</source>
      <translation>打印收据</translation>
    </message>
    <message>
      <source>Receipts are for cash payments; {name} has none for {period}.</source>
      <translation>收据只开给现金缴费；{name}{period}没有现金缴费。</translation>
    </message>
    <message>
      <source>Which payment?</source>
      <translation>打印哪一笔缴费的收据？</translation>
    </message>
  </context>
  <context>
    <name>DuesSettingsPage</name>
    <message>
      <source>Membership and dues</source>
      <translation>会籍与会费</translation>
    </message>
    <message>
      <source>Dues rate (% of the monthly wage base)</source>
      <translation>会费比例（月缴费基数的 %）</translation>
    </message>
    <message>
      <source>Rounding</source>
      <translation>取整方式</translation>
    </message>
    <message>
      <source>The part of the wage under ten yuan is not counted</source>
      <translation>工资不足十元部分不计</translation>
    </message>
    <message>
      <source>Collection period</source>
      <translation>收缴周期</translation>
    </message>
    <message>
      <source>Dues owed per period = wage base × rate × months, rounded once. A new rate or rounding applies from the current period on; the periods already collected keep the rule they were collected under.</source>
      <translation>每期应缴＝缴费基数×比例×月数，每期取整一次。修改比例或取整方式从本期起执行，以前已收缴的期间仍按原规则计算。</translation>
    </message>
  </context>
  <context>
    <name>EntryForm</name>
    <message>
      <source>New funds entry</source>
      <translation>记一笔</translation>
    </message>
    <message>
      <source>e.g. 2026年第一季度拨缴经费, 购买教工篮球</source>
      <translation>例如：2026年第一季度拨缴经费、购买教工篮球</translation>
    </message>
    <message>
      <source>yuan, e.g. 1,200.00</source>
      <translation>元，例如 1,200.00</translation>
    </message>
    <message>
      <source> sheet(s)</source>
      <translation> 张</translation>
    </message>
    <message>
      <source>Reason for going over the budget</source>
      <translation>超预算原因</translation>
    </message>
    <message>
      <source>Required: why this spending goes past the budget</source>
      <translation>必填：这笔支出超出预算的原因</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>科目</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <source>Amount (yuan)</source>
      <translation>金额（元）</translation>
    </message>
    <message>
      <source>Handler</source>
      <translation>经办人</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>附件张数</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>{warning}: give the reason below, then save again.</source>
      <translation>{warning}：请在下面填写超预算原因后再保存。</translation>
    </message>
  </context>
  <context>
    <name>ErrorHandling</name>
    <message>
      <source>Union Desk</source>
      <translation>工会工作台</translation>
    </message>
    <message>
      <source>Copy details</source>
      <translation>复制详细信息</translation>
    </message>
    <message>
      <source>Copied</source>
      <translation>已复制</translation>
    </message>
  </context>
  <context>
    <name>EvaluationDialog</name>
    <message>
      <source>Democratic evaluation: {title}</source>
      <translation>民主评议：{title}</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>评议名称</translation>
    </message>
    <message>
      <source>Delegates present: {present}</source>
      <translation>出席代表：{present}人</translation>
    </message>
    <message>
      <source>Add a member</source>
      <translation>添加会员</translation>
    </message>
    <message>
      <source>Add a row (type a name)</source>
      <translation>添加一行（手填姓名）</translation>
    </message>
    <message>
      <source>Remove row</source>
      <translation>删除行</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Post</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>Excellent rate</source>
      <translation>优秀率</translation>
    </message>
    <message>
      <source>Satisfied rate</source>
      <translation>满意率</translation>
    </message>
    <message>
      <source>Print summary (PDF)…</source>
      <translation>打印汇总表（PDF）…</translation>
    </message>
    <message>
      <source>Export summary (Excel)…</source>
      <translation>导出汇总表（Excel）…</translation>
    </message>
    <message>
      <source>Delete evaluation</source>
      <translation>删除评议</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Ballots of “{name}” must be whole numbers.</source>
      <translation>“{name}”的票数须为整数。</translation>
    </message>
    <message>
      <source>Delete “{title}” and its ballots?</source>
      <translation>删除“{title}”及其评议票？</translation>
    </message>
    <message>
      <source>Save the evaluation first.</source>
      <translation>请先保存评议。</translation>
    </message>
    <message>
      <source>Print evaluation summary</source>
      <translation>打印民主评议汇总表</translation>
    </message>
    <message>
      <source>Export evaluation summary</source>
      <translation>导出民主评议汇总表</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Saved to {path}</source>
      <translation>已保存到 {path}</translation>
    </message>
  </context>
  <context>
    <name>EventForm</name>
    <message>
      <source>Record a membership change</source>
      <translation>登记会籍变动</translation>
    </message>
    <message>
      <source>The member's status follows the latest change. A change that cannot follow the member's state (a second transfer out, restoring a member in service) is refused.</source>
      <translation>会员状态随最近一次会籍变动而定。与会员当时状态不相符的变动（如再次转出、恢复在职会员的会籍）不予登记。</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>变动类型</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>变动日期</translation>
    </message>
    <message>
      <source>Application date</source>
      <translation>申请日期</translation>
    </message>
    <message>
      <source>Approval date</source>
      <translation>批准日期</translation>
    </message>
    <message>
      <source>Membership card no.</source>
      <translation>会员证号</translation>
    </message>
    <message>
      <source>e.g. 区实验小学工会</source>
      <translation>如：区实验小学工会</translation>
    </message>
    <message>
      <source>Union transferred from</source>
      <translation>转出单位工会</translation>
    </message>
    <message>
      <source>Letter no.</source>
      <translation>介绍信编号</translation>
    </message>
    <message>
      <source>Left empty, the letter is numbered when saved (JS{year}-001, JS{year}-002 …).</source>
      <translation>留空则保存时自动编号（JS{year}-001、JS{year}-002……）。</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Handler</source>
      <translation>经办人</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Union transferred to</source>
      <translation>转入单位工会</translation>
    </message>
    <message>
      <source>Choose the member.</source>
      <translation>请选择会员。</translation>
    </message>
  </context>
  <context>
    <name>ExemptionForm</name>
    <message>
      <source>Exempt from dues</source>
      <translation>免缴会费</translation>
    </message>
    <message>
      <source>No end date</source>
      <translation>无截止日期</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Retired members and members keeping membership owe nothing without an exemption.</source>
      <translation>退休和保留会籍的会员本就免缴，无需登记免缴。</translation>
    </message>
    <message>
      <source>End it on</source>
      <translation>结束于</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>Exemptions on file</source>
      <translation>已有免缴</translation>
    </message>
    <message>
      <source>From</source>
      <translation>起始日期</translation>
    </message>
    <message>
      <source>To</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>免缴原因</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Delete the exemption {exemption}? The member owes dues for those periods again.</source>
      <translation>删除免缴 {exemption} 吗？删除后，该会员这些期间须照常缴费。</translation>
    </message>
    <message>
      <source>Delete the exemption</source>
      <translation>删除免缴</translation>
    </message>
    <message>
      <source>End the exemption {exemption} on {day}? The member owes dues again from the period after it.</source>
      <translation>将免缴 {exemption} 结束于 {day} 吗？此后的期间该会员须照常缴费。</translation>
    </message>
    <message>
      <source>End the exemption</source>
      <translation>结束免缴</translation>
    </message>
  </context>
  <context>
    <name>FamilyTable</name>
    <message>
      <source>Relation</source>
      <translation>关系</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Age</source>
      <translation>年龄</translation>
    </message>
    <message>
      <source>Health</source>
      <translation>健康状况</translation>
    </message>
    <message>
      <source>Work or school</source>
      <translation>工作或学习单位</translation>
    </message>
    <message>
      <source>Died on</source>
      <translation>去世日期</translation>
    </message>
  </context>
  <context>
    <name>FileForm</name>
    <message>
      <source>Hardship file of {name}</source>
      <translation>{name} 的困难档案</translation>
    </message>
    <message>
      <source>Open a hardship file</source>
      <translation>建立困难档案</translation>
    </message>
    <message>
      <source>Choose</source>
      <translation>请选择</translation>
    </message>
    <message>
      <source> person(s)</source>
      <translation> 人</translation>
    </message>
    <message>
      <source>The family's situation: illness, income, children at school…</source>
      <translation>家庭情况：患病、收入、子女就学等……</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>Main cause</source>
      <translation>主要致困原因</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>困难类别</translation>
    </message>
    <message>
      <source>Other causes
(up to three)</source>
      <translation>次要致困原因
（最多三项）</translation>
    </message>
    <message>
      <source>Monthly income (yuan)</source>
      <translation>家庭月收入（元）</translation>
    </message>
    <message>
      <source>Housing</source>
      <translation>住房</translation>
    </message>
    <message>
      <source>Household size</source>
      <translation>家庭人口</translation>
    </message>
    <message>
      <source>Situation</source>
      <translation>情况说明</translation>
    </message>
    <message>
      <source>Found by</source>
      <translation>发现途径</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Date found</source>
      <translation>建档日期</translation>
    </message>
    <message>
      <source>Family members (kept in the member archive)</source>
      <translation>家庭成员（在会员档案中维护）</translation>
    </message>
    <message>
      <source>This file is {status} since {date} ({reason}); only the situation can be changed.</source>
      <translation>本档案已于 {date} {status}（{reason}），只能修改情况说明。</translation>
    </message>
    <message>
      <source>Choose the member first.</source>
      <translation>请先选择会员。</translation>
    </message>
  </context>
  <context>
    <name>FilesPage</name>
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
      <translation>人口</translation>
    </message>
    <message>
      <source>Monthly income</source>
      <translation>月收入</translation>
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
      <source>Review due</source>
      <translation>下次复核</translation>
    </message>
    <message>
      <source>Last helped</source>
      <translation>最近帮扶</translation>
    </message>
    <message>
      <source>Search name, pinyin or situation</source>
      <translation>搜索姓名、拼音或情况说明</translation>
    </message>
    <message>
      <source>files open</source>
      <translation>户在档</translation>
    </message>
    <message>
      <source>opened this year</source>
      <translation>今年建档</translation>
    </message>
    <message>
      <source>helped this year</source>
      <translation>今年帮扶</translation>
    </message>
    <message>
      <source>help rate</source>
      <translation>帮困率</translation>
    </message>
    <message>
      <source>All grades</source>
      <translation>全部困难类别</translation>
    </message>
    <message>
      <source>All causes</source>
      <translation>全部致困原因</translation>
    </message>
    <message>
      <source>Open and temporary</source>
      <translation>在档和临时</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Not reviewed for a year</source>
      <translation>一年未复核</translation>
    </message>
    <message>
      <source>Never helped</source>
      <translation>从未帮扶</translation>
    </message>
    <message>
      <source>Open a file</source>
      <translation>建档</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>复核</translation>
    </message>
    <message>
      <source>Out of hardship / cancel</source>
      <translation>脱困/注销</translation>
    </message>
    <message>
      <source>Assistance records</source>
      <translation>帮扶记录</translation>
    </message>
    <message>
      <source>Print file form</source>
      <translation>打印档案表</translation>
    </message>
    <message>
      <source>Hardship file {name}</source>
      <translation>困难职工档案表_{name}</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <source>Where to keep the data</source>
      <translation>数据保存在哪里</translation>
    </message>
    <message>
      <source>Union Desk keeps all its data in one file. Choose the folder for it. Backups are kept in a folder named backups beside it. You can move it later (File → Settings).</source>
      <translation>工会工作台的全部数据保存在一个文件里。请选择存放它的文件夹，备份保存在它旁边的 backups 文件夹中。以后还可以移动（文件 → 设置）。</translation>
    </message>
    <message>
      <source>My user folder (default): {path}</source>
      <translation>本机用户文件夹（默认）：{path}</translation>
    </message>
    <message>
      <source>Another drive: {path}</source>
      <translation>其他磁盘：{path}</translation>
    </message>
    <message>
      <source>Choose this if the computer has disk-restore software (还原卡) that resets drive C: when it restarts: data on drive C: would be lost.</source>
      <translation>如果这台电脑装有还原卡（重启后 C 盘会被还原），请选这一项：放在 C 盘的数据会丢失。</translation>
    </message>
    <message>
      <source>Another folder:</source>
      <translation>其他文件夹：</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>A data file already exists in {path}; it will be opened.</source>
      <translation>{path} 中已有数据文件，将直接打开它。</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始使用</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Choose a folder first.</source>
      <translation>请先选择一个文件夹。</translation>
    </message>
  </context>
  <context>
    <name>FormDialog</name>
    <message>
      <source>Discard the unsaved changes?</source>
      <translation>放弃未保存的修改？</translation>
    </message>
  </context>
  <context>
    <name>FromActivityDialog</name>
    <message>
      <source>Honours from activity results</source>
      <translation>从活动成绩生成荣誉</translation>
    </message>
    <message>
      <source>Each result with an award, or placed first to third, becomes an honour of the member (a team's result: one for each of its members). Doing it again adds nothing.</source>
      <translation>获奖或获得前三名的成绩各记为会员的一条荣誉（团体成绩：每位队员一条）。重复生成不会重复记录。</translation>
    </message>
    <message>
      <source>Make honours</source>
      <translation>生成荣誉</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>No activities in this year.</source>
      <translation>本年度没有活动。</translation>
    </message>
    <message>
      <source>{count} result(s) of “{title}” count as honours.</source>
      <translation>“{title}”有{count}项成绩可记为荣誉。</translation>
    </message>
    <message>
      <source>{done} of them are in the register already.</source>
      <translation>其中{done}项已在荣誉台账中。</translation>
    </message>
    <message>
      <source>{new} new, {existing} already in the register.</source>
      <translation>新增{new}条，已有{existing}条</translation>
    </message>
  </context>
  <context>
    <name>FundsCommon</name>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>确定</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Give the reason.</source>
      <translation>请填写原因。</translation>
    </message>
  </context>
  <context>
    <name>FundsSettingsPage</name>
    <message>
      <source>Union funds</source>
      <translation>工会经费</translation>
    </message>
    <message>
      <source>Goods value is now posted to the funds book.</source>
      <translation>慰问品价值现在记入经费账。</translation>
    </message>
    <message>
      <source>Goods value is no longer posted to the funds book.</source>
      <translation>慰问品价值不再记入经费账。</translation>
    </message>
    <message>
      <source>Bring the existing postings of visits and assistance in line now (reversing and re-posting entries)?</source>
      <translation>是否现在按新设置调整已有的走访慰问、帮扶记账（自动冲销并重新记账）？</translation>
    </message>
    <message>
      <source>{n} record(s) had their postings brought in line.</source>
      <translation>已调整 {n} 条记录的记账。</translation>
    </message>
    <message>
      <source>Post the value of goods (慰问品) to the funds book</source>
      <translation>慰问品价值记入经费账</translation>
    </message>
    <message>
      <source>Visits go to</source>
      <translation>走访慰问记入</translation>
    </message>
    <message>
      <source>送温暖 batches go to</source>
      <translation>送温暖批量记入</translation>
    </message>
    <message>
      <source>Assistance and 金秋助学 go to</source>
      <translation>帮扶、助学记入</translation>
    </message>
    <message>
      <source>Activities go to</source>
      <translation>活动记入</translation>
    </message>
    <message>
      <source>Talks and training go to</source>
      <translation>讲座培训记入</translation>
    </message>
    <message>
      <source>By default a visit posts its cash only (goods are booked from their invoice). After a change of the goods setting you are asked whether to bring the existing postings in line; a change of category applies to new postings only.</source>
      <translation>默认走访只记入慰问金（慰问品凭发票统一入账）。改变慰问品设置后会询问是否调整已有记账；更改记入科目只对以后的记账有效。</translation>
    </message>
  </context>
  <context>
    <name>FundsTab</name>
    <message>
      <source>Categories and budgets…</source>
      <translation>科目与预算…</translation>
    </message>
    <message>
      <source>Ledger</source>
      <translation>明细账</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>收支汇总</translation>
    </message>
    <message>
      <source>Budgets and caps</source>
      <translation>预算与限额</translation>
    </message>
    <message>
      <source>Closing</source>
      <translation>结账</translation>
    </message>
  </context>
  <context>
    <name>HandOverDialog</name>
    <message>
      <source>Hand over</source>
      <translation>交办</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>承办部门</translation>
    </message>
    <message>
      <source>Handed over on</source>
      <translation>交办日期</translation>
    </message>
    <message>
      <source>Reply due by</source>
      <translation>答复期限</translation>
    </message>
    <message>
      <source>The proposer was not satisfied: the proposal is handed over again and the old reply stays in its history.</source>
      <translation>提案人不满意：再次交办，原答复保留在办理记录中。</translation>
    </message>
    <message>
      <source>The deadline defaults to {days} days after the hand-over (设置 › 教代会).</source>
      <translation>答复期限默认为交办后 {days} 天（设置 › 教代会）。</translation>
    </message>
  </context>
  <context>
    <name>HardshipCommon</name>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>… and {count} more</source>
      <translation>……另有 {count} 条</translation>
    </message>
    <message>
      <source>The amount is over the standard:</source>
      <translation>金额超过慰问标准：</translation>
    </message>
    <message>
      <source>To pay it anyway, give the reason (kept with the record):</source>
      <translation>如确需超标准发放，请填写原因（随记录保存）：</translation>
    </message>
    <message>
      <source>Over the standard</source>
      <translation>超过标准</translation>
    </message>
  </context>
  <context>
    <name>HardshipTab</name>
    <message>
      <source>Hardship files</source>
      <translation>困难职工档案</translation>
    </message>
    <message>
      <source>Visits and condolences</source>
      <translation>走访慰问</translation>
    </message>
    <message>
      <source>Due visits</source>
      <translation>应访未访</translation>
    </message>
  </context>
  <context>
    <name>HistoryDialog</name>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <source>Relative {name}</source>
      <translation>亲属 {name}</translation>
    </message>
    <message>
      <source>Member file</source>
      <translation>会员档案</translation>
    </message>
    <message>
      <source>Change history: {name}</source>
      <translation>修改记录：{name}</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>By</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>修改前</translation>
    </message>
    <message>
      <source>After</source>
      <translation>修改后</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>No changes recorded.</source>
      <translation>没有修改记录。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>HomeTab</name>
    <message>
      <source>Back up now</source>
      <translation>立即备份</translation>
    </message>
    <message>
      <source>Ledgers…</source>
      <translation>台账…</translation>
    </message>
    <message>
      <source>New visit…</source>
      <translation>新增走访…</translation>
    </message>
    <message>
      <source>New member…</source>
      <translation>新增会员…</translation>
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
      <source>Retiring within 6 months</source>
      <translation>即将退休（6个月内）</translation>
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
      <source>Hardship files due for review</source>
      <translation>困难档案待复核</translation>
    </message>
    <message>
      <source>Members due a visit</source>
      <translation>应访未访</translation>
    </message>
    <message>
      <source>Double-click an entry to open it</source>
      <translation>双击条目打开对应记录</translation>
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
      <source> lunar</source>
      <translation>（农历）</translation>
    </message>
    <message>
      <source>no date</source>
      <translation>未定复核日期</translation>
    </message>
    <message>
      <source> (late)</source>
      <translation>（已逾期）</translation>
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
      <source>Nothing at present: {lists}</source>
      <translation>暂无：{lists}</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>{n} days overdue</source>
      <translation>逾期{n}天</translation>
    </message>
    <message>
      <source>today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>in {n} days</source>
      <translation>还有{n}天</translation>
    </message>
    <message>
      <source>Proposals overdue for a reply</source>
      <translation>逾期未答复的提案</translation>
    </message>
    <message>
      <source>Staff congress in the next 30 days</source>
      <translation>30天内将召开的教代会</translation>
    </message>
    <message>
      <source>Over budget this year</source>
      <translation>本年超预算科目</translation>
    </message>
    <message>
      <source>Funds not closed yet</source>
      <translation>经费账未结账</translation>
    </message>
    <message>
      <source>Award rounds needing action</source>
      <translation>待办的评优评选</translation>
    </message>
    <message>
      <source>Meeting decisions due this week or overdue</source>
      <translation>本周到期或逾期的会议决定事项</translation>
    </message>
    <message>
      <source>Letters and visits not answered in time</source>
      <translation>逾期未答复的来信来访</translation>
    </message>
    <message>
      <source>Meetings held fewer than required</source>
      <translation>会议次数不足</translation>
    </message>
    <message>
      <source>%1 months unpaid</source>
      <translation>欠缴%1个月</translation>
    </message>
    <message>
      <source>Membership rate</source>
      <translation>入会率</translation>
    </message>
    <message>
      <source>Dues unpaid six months or more</source>
      <translation>会费欠缴六个月以上</translation>
    </message>
  </context>
  <context>
    <name>HonourForm</name>
    <message>
      <source>Edit honour</source>
      <translation>编辑荣誉</translation>
    </message>
    <message>
      <source>Enter an honour</source>
      <translation>登记荣誉</translation>
    </message>
    <message>
      <source>An honour received elsewhere (from the district, the city …). Honours of award rounds and activity results are made there.</source>
      <translation>登记在别处获得的荣誉（区、市……）。评选和活动成绩产生的荣誉在评选和活动中生成。</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>e.g. district model class teacher</source>
      <translation>例如：区优秀班主任</translation>
    </message>
    <message>
      <source>Honour</source>
      <translation>荣誉名称</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>级别</translation>
    </message>
    <message>
      <source>Awarded by</source>
      <translation>授予单位</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>A member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>A union group</source>
      <translation>工会小组</translation>
    </message>
    <message>
      <source>Received by</source>
      <translation>获得者</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>Union group</source>
      <translation>工会小组</translation>
    </message>
    <message>
      <source>Members listed on the group honour (each gets a personal entry)</source>
      <translation>集体荣誉列名成员（每人另记一条个人荣誉）</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Members listed on the group honour</source>
      <translation>集体荣誉列名成员</translation>
    </message>
  </context>
  <context>
    <name>HonoursTab</name>
    <message>
      <source>Award rounds</source>
      <translation>评选</translation>
    </message>
    <message>
      <source>Honours register</source>
      <translation>荣誉台账</translation>
    </message>
  </context>
  <context>
    <name>ImportPages</name>
    <message>
      <source>&lt; Back</source>
      <translation>&lt; 上一步</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Check before importing</source>
      <translation>导入前检查</translation>
    </message>
    <message>
      <source>Save the check report…</source>
      <translation>保存检查报告…</translation>
    </message>
    <message>
      <source>Rows with errors are red and are not imported; rows with notes are yellow.</source>
      <translation>红色的行有错误，不会导入；黄色的行有提醒。</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>显示</translation>
    </message>
    <message>
      <source>Import finished</source>
      <translation>导入完成</translation>
    </message>
    <message>
      <source>Save the import report…</source>
      <translation>保存导入报告…</translation>
    </message>
  </context>
  <context>
    <name>ItemDialog</name>
    <message>
      <source>Edit plan item</source>
      <translation>编辑计划项</translation>
    </message>
    <message>
      <source>New plan item</source>
      <translation>新增计划项</translation>
    </message>
    <message>
      <source>e.g. Women's Day activity for women staff</source>
      <translation>例如：三八妇女节女教职工活动</translation>
    </message>
    <message>
      <source>Some time in a month</source>
      <translation>某月内（不定具体日期）</translation>
    </message>
    <message>
      <source>On a date</source>
      <translation>具体日期</translation>
    </message>
    <message>
      <source>From … to …</source>
      <translation>日期范围</translation>
    </message>
    <message>
      <source>Month {m}</source>
      <translation>{m}月</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
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
      <source>When</source>
      <translation>时间</translation>
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
      <source>Plan of {year}</source>
      <translation>{year}年工作计划</translation>
    </message>
    <message>
      <source> · made from the template (generating again will not change it)</source>
      <translation> · 由模板生成（再次生成不会改动此项）</translation>
    </message>
    <message>
      <source>Link activities or visits…</source>
      <translation>关联活动或走访…</translation>
    </message>
    <message>
      <source>Remove link</source>
      <translation>取消关联</translation>
    </message>
    <message>
      <source>Carried out by (linked records)</source>
      <translation>落实情况（关联的活动和走访记录）</translation>
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
      <source>Activity  {label}</source>
      <translation>活动  {label}</translation>
    </message>
    <message>
      <source>Visit  {label}</source>
      <translation>走访  {label}</translation>
    </message>
    <message>
      <source>(no linked records)</source>
      <translation>（尚无关联记录）</translation>
    </message>
  </context>
  <context>
    <name>JoinForm</name>
    <message>
      <source>Join the union</source>
      <translation>入会</translation>
    </message>
    <message>
      <source>A member is made from this record (name, ID number, department …) with an 入会 change; the staff record is kept as 已入会. The join date cannot be after today.</source>
      <translation>由此记录（姓名、身份证号、部门……）生成会员档案并登记入会；非会员记录保留，状态为“已入会”。入会日期不能晚于今天。</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>教职工</translation>
    </message>
    <message>
      <source>Application date</source>
      <translation>申请日期</translation>
    </message>
    <message>
      <source>Approval date</source>
      <translation>批准日期</translation>
    </message>
    <message>
      <source>Join date</source>
      <translation>入会日期</translation>
    </message>
    <message>
      <source>Membership card no.</source>
      <translation>会员证号</translation>
    </message>
    <message>
      <source>Handler</source>
      <translation>经办人</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Join</source>
      <translation>入会</translation>
    </message>
  </context>
  <context>
    <name>KindsDialog</name>
    <message>
      <source>Meeting kinds</source>
      <translation>会议类别</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Who attends</source>
      <translation>应到人员</translation>
    </message>
    <message>
      <source>Minimum</source>
      <translation>最少次数</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>no minimum</source>
      <translation>不要求</translation>
    </message>
    <message>
      <source>at least</source>
      <translation>至少</translation>
    </message>
    <message>
      <source>time(s) every</source>
      <translation>次，每</translation>
    </message>
    <message>
      <source>In use (untick to retire the kind)</source>
      <translation>启用（取消勾选即停用该类别）</translation>
    </message>
    <message>
      <source>Save kind</source>
      <translation>保存类别</translation>
    </message>
    <message>
      <source>New kind</source>
      <translation>新建类别</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Members holding one of the ticked roles are listed on a new meeting; with none ticked, every member in service.</source>
      <translation>新建会议时列出担任所勾选职务之一的会员；都不勾选则为全体在职会员。</translation>
    </message>
    <message>
      <source>Save the changes to this kind first?</source>
      <translation>先保存对该类别的修改吗？</translation>
    </message>
  </context>
  <context>
    <name>LeaveDialog</name>
    <message>
      <source>Delegate leaves</source>
      <translation>代表离任</translation>
    </message>
    <message>
      <source>{name} leaves the seat in {term}.</source>
      <translation>{name}不再担任{term}代表。</translation>
    </message>
    <message>
      <source>e.g. 调出、退休</source>
      <translation>如：调出、退休</translation>
    </message>
    <message>
      <source>Left on</source>
      <translation>离任日期</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>离任原因</translation>
    </message>
    <message>
      <source>The seat stays on the roster as left; a by-election can fill it.</source>
      <translation>名册中保留其记录并标明离任，可通过补选递补。</translation>
    </message>
    <message>
      <source>Give the reason for leaving.</source>
      <translation>请填写离任原因。</translation>
    </message>
  </context>
  <context>
    <name>LedgerDialog</name>
    <message>
      <source>Export ledgers</source>
      <translation>导出台账</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>LedgerImportDialog</name>
    <message>
      <source>Import a ledger</source>
      <translation>导入台账</translation>
    </message>
    <message>
      <source>Check &gt;</source>
      <translation>检查 &gt;</translation>
    </message>
    <message>
      <source>A ledger exported by this program (best with “All columns”) or a table with the same column headers. Excel (.xlsx, .xls), WPS (.et), LibreOffice (.ods), CSV (UTF-8, GBK or UTF-16) and Unicode text (.txt) files can be read; the sheet and the header row are found automatically.</source>
      <translation>可以导入本程序导出的台账（最好导出时勾选“全部列”），或列标题相同的表格。支持 Excel（.xlsx、.xls）、WPS（.et）、LibreOffice（.ods）、CSV（UTF-8、GBK 或 UTF-16 编码）和 Unicode 文本（.txt）文件；工作表和表头行会自动找到。</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Member roster (opens the roster import wizard)</source>
      <translation>会员花名册（打开花名册导入向导）</translation>
    </message>
    <message>
      <source>Hardship files</source>
      <translation>困难职工档案台账</translation>
    </message>
    <message>
      <source>Assistance</source>
      <translation>帮扶救助台账</translation>
    </message>
    <message>
      <source>Visits and condolences</source>
      <translation>走访慰问台账</translation>
    </message>
    <message>
      <source>Activities</source>
      <translation>活动台账</translation>
    </message>
    <message>
      <source>Activity participation</source>
      <translation>活动参与明细</translation>
    </message>
    <message>
      <source>Work plan and completion</source>
      <translation>工作计划及完成情况</translation>
    </message>
    <message>
      <source>Ledger and file</source>
      <translation>台账和文件</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>检查</translation>
    </message>
    <message>
      <source>Import result</source>
      <translation>导入结果</translation>
    </message>
    <message>
      <source>Choose the ledger and the file</source>
      <translation>选择台账和文件</translation>
    </message>
    <message>
      <source>Ledger</source>
      <translation>台账</translation>
    </message>
    <message>
      <source>Ledger file</source>
      <translation>台账文件</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>The member roster is imported with its own wizard, where the header row and the columns can be chosen.</source>
      <translation>会员花名册用专门的导入向导导入，可以在向导中选择表头行和各列的内容。</translation>
    </message>
    <message>
      <source>How the import works:
• Every row is matched to a member on file by ID number, or by name and department; import the roster first.
• A record already on file is updated only where the file differs; importing the same file twice changes nothing the second time.
• Every row is checked and shown before anything is written; rows with errors are not imported.</source>
      <translation>导入规则：
• 每一行按身份证号（或姓名和部门）对应到已登记的会员，请先导入会员花名册。
• 已有的记录只更新与文件不同的内容；同一个文件导入两次，第二次不会有任何改动。
• 写入之前先逐行检查并列出结果；有错误的行不会导入。</translation>
    </message>
    <message>
      <source>Open the roster import wizard…</source>
      <translation>打开花名册导入向导…</translation>
    </message>
    <message>
      <source>Choose the ledger file</source>
      <translation>选择台账文件</translation>
    </message>
    <message>
      <source>Unexpected error: {error}</source>
      <translation>出现意外错误：{error}</translation>
    </message>
    <message>
      <source>Choose a file first.</source>
      <translation>请先选择文件。</translation>
    </message>
    <message>
      <source>Checking {ledger}</source>
      <translation>正在检查{ledger}</translation>
    </message>
    <message>
      <source>Check before importing: {ledger}</source>
      <translation>导入前检查：{ledger}</translation>
    </message>
    <message>
      <source>{file}, sheet “{sheet}”</source>
      <translation>{file}，工作表“{sheet}”</translation>
    </message>
    <message>
      <source>{where}: header in row {row}, {count} row(s) of data.</source>
      <translation>{where}：表头在第 {row} 行，共 {count} 行数据。</translation>
    </message>
    <message>
      <source>row {row} ({reason})</source>
      <translation>第 {row} 行（{reason}）</translation>
    </message>
    <message>
      <source>Skipped: {rows}.</source>
      <translation>已跳过：{rows}。</translation>
    </message>
    <message>
      <source>All rows ({count})</source>
      <translation>全部（{count}）</translation>
    </message>
    <message>
      <source>Errors only ({count})</source>
      <translation>只看错误（{count}）</translation>
    </message>
    <message>
      <source>Notes only ({count})</source>
      <translation>只看提醒（{count}）</translation>
    </message>
    <message>
      <source>New only ({count})</source>
      <translation>只看新增（{count}）</translation>
    </message>
    <message>
      <source>Updates only ({count})</source>
      <translation>只看更新（{count}）</translation>
    </message>
    <message numerus="yes">
      <source>Import %n row(s)</source>
      <translation>
        <numerusform>导入 %n 行</numerusform>
      </translation>
    </message>
    <message>
      <source>There is nothing to import: every row is unchanged or has an error.</source>
      <translation>没有需要导入的行：每一行都未变或有错误。</translation>
    </message>
    <message>
      <source>Importing {ledger}</source>
      <translation>正在导入{ledger}</translation>
    </message>
    <message>
      <source>Import cancelled; nothing was written.</source>
      <translation>已取消导入，没有写入任何内容。</translation>
    </message>
    <message>
      <source>{ledger}: added {added}, updated {updated}, unchanged {unchanged}; {errors} row(s) with errors were not imported.</source>
      <translation>{ledger}：新增 {added}，更新 {updated}，未变 {unchanged}；{errors} 行有错误，没有导入。</translation>
    </message>
    <message>
      <source>These rows were not imported; fix them in the file and import it again (rows already imported stay unchanged):</source>
      <translation>以下各行没有导入。请在文件中改正后再导入一次（已导入的行不会重复）：</translation>
    </message>
    <message>
      <source>Every row was imported.</source>
      <translation>全部导入成功。</translation>
    </message>
    <message>
      <source>Save the import report</source>
      <translation>保存导入报告</translation>
    </message>
    <message>
      <source>Save the check report</source>
      <translation>保存检查报告</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Writing {name}…</source>
      <translation>正在生成 {name}……</translation>
    </message>
    <message>
      <source>Report saved: {path}</source>
      <translation>报告已保存：{path}</translation>
    </message>
  </context>
  <context>
    <name>LedgerPage</name>
    <message>
      <source>The ledgers carry the school “{school}” and, as preparer, “{chair}”; change them in Settings.</source>
      <translation>台账上印的学校是“{school}”，制表人是“{chair}”；可在“设置”中修改。</translation>
    </message>
    <message>
      <source>(not set)</source>
      <translation>（未填写）</translation>
    </message>
    <message>
      <source>The school's name is not set yet: set it in Settings, it is printed on every ledger and in the file names.</source>
      <translation>还没有填写学校名称：请在“设置”中填写，它会印在每份台账上和文件名中。</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Voucher</source>
      <translation>凭证号</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>科目</translation>
    </message>
    <message>
      <source>Income</source>
      <translation>收入</translation>
    </message>
    <message>
      <source>Spending</source>
      <translation>支出</translation>
    </message>
    <message>
      <source>Balance</source>
      <translation>余额</translation>
    </message>
    <message>
      <source>Handler</source>
      <translation>经办人</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Search summary, voucher, handler</source>
      <translation>搜索摘要、凭证号、经办人</translation>
    </message>
    <message>
      <source>New entry…</source>
      <translation>记一笔…</translation>
    </message>
    <message>
      <source>Reverse…</source>
      <translation>冲销…</translation>
    </message>
    <message>
      <source>Print voucher</source>
      <translation>打印凭单</translation>
    </message>
    <message>
      <source>Show source</source>
      <translation>查看来源</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>全部科目</translation>
    </message>
    <message>
      <source>Brought forward from last year</source>
      <translation>上年结余</translation>
    </message>
    <message>
      <source>Brought forward</source>
      <translation>期初结余</translation>
    </message>
    <message>
      <source>Shown: {n} entries, income {income}, spending {spending}</source>
      <translation>显示 {n} 笔，收入 {income}，支出 {spending}</translation>
    </message>
    <message>
      <source>{n} entries · brought forward {opening} · income {income} · spending {spending} · balance {closing}</source>
      <translation>共 {n} 笔 · 期初 {opening} · 收入 {income} · 支出 {spending} · 余额 {closing}</translation>
    </message>
    <message>
      <source>By hand</source>
      <translation>手工</translation>
    </message>
    <message>
      <source>Choose an entry typed by hand.</source>
      <translation>请选择一笔手工记账的凭证。</translation>
    </message>
    <message>
      <source>A reversing entry cannot be reversed.</source>
      <translation>冲销凭证不能再冲销。</translation>
    </message>
    <message>
      <source>This entry was posted from {source}: correct it there (void it or change its amount); the funds book reverses and re-posts by itself.</source>
      <translation>这笔凭证由{source}自动记入：请在原记录中更正（作废或修改金额），经费账会自动冲销并重新记账。</translation>
    </message>
    <message>
      <source>This entry has already been reversed in full.</source>
      <translation>这笔凭证已全部冲销。</translation>
    </message>
    <message>
      <source>Reverse the entry with a negative entry that points back at it.</source>
      <translation>以一笔负数凭证冲销原凭证（指向原凭证）。</translation>
    </message>
    <message>
      <source>Reverse</source>
      <translation>冲销</translation>
    </message>
    <message>
      <source>Reverse {serial} {summary} ({amount} yuan): a negative entry in the same category that points back at it.</source>
      <translation>冲销 {serial} {summary}（{amount} 元）：在同一科目记一笔负数凭证，指向原凭证。</translation>
    </message>
    <message>
      <source>Reverse {serial}</source>
      <translation>冲销 {serial}</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Typed by hand</source>
      <translation>手工记账</translation>
    </message>
  </context>
  <context>
    <name>LedgerPanel</name>
    <message>
      <source>Inspection pack: cover, contents, every ledger and the statistics in one workbook</source>
      <translation>迎检台账：封面、目录、全部台账和年度统计，放在一个工作簿中</translation>
    </message>
    <message>
      <source>Ledgers</source>
      <translation>台账</translation>
    </message>
    <message>
      <source>Each ledger in a workbook of its own:</source>
      <translation>每种台账单独一个工作簿：</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>School year (September–August)</source>
      <translation>学年（9月至次年8月）</translation>
    </message>
    <message>
      <source>Dates from</source>
      <translation>日期从</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <source>Full ID numbers (masked by default, e.g. 110105********1234)</source>
      <translation>完整身份证号（默认打码，如 110105********1234）</translation>
    </message>
    <message>
      <source>All columns (to import the ledgers on another computer)</source>
      <translation>全部列（用于在另一台电脑上导入台账）</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Open the folder when done</source>
      <translation>完成后打开文件夹</translation>
    </message>
    <message>
      <source>Save in</source>
      <translation>保存到</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Import a ledger…</source>
      <translation>导入台账…</translation>
    </message>
    <message>
      <source>Member roster</source>
      <translation>会员花名册</translation>
    </message>
    <message>
      <source>Hardship files</source>
      <translation>困难职工档案台账</translation>
    </message>
    <message>
      <source>Assistance</source>
      <translation>帮扶救助台账</translation>
    </message>
    <message>
      <source>Visits and condolences (totals by type)</source>
      <translation>走访慰问台账（按类别合计人次和金额）</translation>
    </message>
    <message>
      <source>Activities</source>
      <translation>活动台账</translation>
    </message>
    <message>
      <source>Activity participation</source>
      <translation>活动参与明细</translation>
    </message>
    <message>
      <source>Work plan and completion</source>
      <translation>工作计划及完成情况</translation>
    </message>
    <message>
      <source>Export ledgers</source>
      <translation>导出台账</translation>
    </message>
    <message>
      <source>{first}–{last} school year</source>
      <translation>{first}—{last}学年</translation>
    </message>
    <message>
      <source>The folder does not exist:
{folder}</source>
      <translation>文件夹不存在：
{folder}</translation>
    </message>
    <message>
      <source>These files exist already:
{names}

Replace them?</source>
      <translation>以下文件已经存在：
{names}

要替换吗？</translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) saved in {folder}:</source>
      <translation>
        <numerusform>已保存 %n 个文件到 {folder}：</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>LetterForm</name>
    <message>
      <source>Edit letter or visit {serial}</source>
      <translation>编辑来信来访 {serial}</translation>
    </message>
    <message>
      <source>New letter or visit</source>
      <translation>新增来信来访</translation>
    </message>
    <message>
      <source>Name of someone who is not a member</source>
      <translation>非会员的姓名</translation>
    </message>
    <message>
      <source>Department or person it was passed to</source>
      <translation>转办的部门或责任人</translation>
    </message>
    <message>
      <source>({days} days after the date unless changed)</source>
      <translation>（默认为登记日期后{days}天）</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>反映人</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>联系方式</translation>
    </message>
    <message>
      <source>Matter</source>
      <translation>反映事项</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Referred to</source>
      <translation>转办</translation>
    </message>
    <message>
      <source>Reply by</source>
      <translation>答复期限</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Nothing is kept for an anonymous person</source>
      <translation>匿名不保存任何个人信息</translation>
    </message>
  </context>
  <context>
    <name>LettersPage</name>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>渠道</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>反映人</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Matter</source>
      <translation>反映事项</translation>
    </message>
    <message>
      <source>Referred to</source>
      <translation>转办</translation>
    </message>
    <message>
      <source>Reply by</source>
      <translation>答复期限</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>是否办结</translation>
    </message>
    <message>
      <source>Not closed only</source>
      <translation>只看未办结</translation>
    </message>
    <message>
      <source>Search number, matter, name, referred to</source>
      <translation>搜索编号、事项、姓名、转办</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>新增…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Record reply…</source>
      <translation>登记答复…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message numerus="yes">
      <source>%n record(s)</source>
      <translation>
        <numerusform>共 %n 条</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>, %n overdue</source>
      <translation>
        <numerusform>，逾期 %n 条</numerusform>
      </translation>
    </message>
    <message>
      <source>Matter: {text}</source>
      <translation>反映事项：{text}</translation>
    </message>
    <message>
      <source>Reply ({date}): {text}</source>
      <translation>答复（{date}）：{text}</translation>
    </message>
    <message>
      <source>Delete {serial}? Only a record entered by mistake should be deleted; its number is not used again.</source>
      <translation>删除 {serial}？只应删除误录的记录；其编号不再使用。</translation>
    </message>
  </context>
  <context>
    <name>LinkPicker</name>
    <message>
      <source>Link records to “{title}”</source>
      <translation>关联记录到“{title}”</translation>
    </message>
    <message>
      <source>Search name, visit type, activity, serial number</source>
      <translation>搜索姓名、慰问类别、活动名称或编号</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>关联</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Activity  {label}</source>
      <translation>活动  {label}</translation>
    </message>
    <message>
      <source>Visit  {label}</source>
      <translation>走访  {label}</translation>
    </message>
  </context>
  <context>
    <name>ListEditorDialog</name>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Editing: {name}</source>
      <translation>正在编辑：{name}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
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
      <source>Back up &amp;to…</source>
      <translation>备份到(&amp;T)…</translation>
    </message>
    <message>
      <source>Export &amp;ledgers…</source>
      <translation>导出台账(&amp;L)…</translation>
    </message>
    <message>
      <source>&amp;Import a ledger…</source>
      <translation>导入台账(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;Visit types and standards…</source>
      <translation>慰问类别与标准(&amp;V)…</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>Open the &amp;log folder</source>
      <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
      <source>Open the &amp;data folder</source>
      <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
      <source>Open the &amp;backup folder</source>
      <translation>打开备份文件夹(&amp;B)</translation>
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
    <message>
      <source>The damaged data file was kept unchanged as:
{path}</source>
      <translation>损坏的数据文件已原样保留为：
{path}</translation>
    </message>
    <message>
      <source>Back up to a folder</source>
      <translation>备份到文件夹</translation>
    </message>
    <message>
      <source>This folder is inside the data folder: if the disk fails, the backup is lost with the data.</source>
      <translation>这个文件夹在数据文件夹里面：硬盘坏了或被还原时，备份会和数据一起丢失。</translation>
    </message>
    <message>
      <source>&amp;Fund categories and budgets…</source>
      <translation>经费科目与预算(&amp;J)…</translation>
    </message>
    <message>
      <source>&amp;Award types…</source>
      <translation>奖项设置(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Certificate template…</source>
      <translation>证书模板(&amp;C)…</translation>
    </message>
    <message>
      <source>Meeting &amp;kinds…</source>
      <translation>会议类别(&amp;M)…</translation>
    </message>
    <message>
      <source>Import a &amp;payroll deduction list…</source>
      <translation>导入工资代扣表(&amp;P)…</translation>
    </message>
  </context>
  <context>
    <name>MeetingForm</name>
    <message>
      <source>Edit meeting</source>
      <translation>编辑会议</translation>
    </message>
    <message>
      <source>New meeting</source>
      <translation>新建会议</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Chair</source>
      <translation>主持人</translation>
    </message>
    <message>
      <source>Recorder</source>
      <translation>记录人</translation>
    </message>
    <message>
      <source>Attendance</source>
      <translation>出席情况</translation>
    </message>
    <message>
      <source>One topic per line</source>
      <translation>每行一个议题</translation>
    </message>
    <message>
      <source>Topics</source>
      <translation>议题</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Decisions</source>
      <translation>决定事项</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
  </context>
  <context>
    <name>MeetingsPage</name>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Chair</source>
      <translation>主持人</translation>
    </message>
    <message>
      <source>Expected/present</source>
      <translation>应到/实到</translation>
    </message>
    <message>
      <source>Topics</source>
      <translation>议题</translation>
    </message>
    <message>
      <source>Decisions open/total</source>
      <translation>决定事项（未办/共）</translation>
    </message>
    <message>
      <source>New meeting…</source>
      <translation>新建会议…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Print minutes</source>
      <translation>打印会议记录</translation>
    </message>
    <message>
      <source>Decisions…</source>
      <translation>决定事项…</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>决定事项</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>完成期限</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>到期</translation>
    </message>
    <message>
      <source>Plan item</source>
      <translation>计划事项</translation>
    </message>
    <message>
      <source>Decisions (double-click to update)</source>
      <translation>决定事项（双击更新办理情况）</translation>
    </message>
    <message numerus="yes">
      <source>%n meeting(s)</source>
      <translation>
        <numerusform>共 %n 次会议</numerusform>
      </translation>
    </message>
    <message>
      <source>No meeting chosen.</source>
      <translation>未选择会议。</translation>
    </message>
    <message>
      <source>No meetings in {year} yet: add one with “New meeting…”.</source>
      <translation>{year}年还没有会议记录：点“新建会议…”添加。</translation>
    </message>
    <message>
      <source>Chair: {chair}　Recorder: {recorder}</source>
      <translation>主持人：{chair}　记录人：{recorder}</translation>
    </message>
    <message>
      <source>Expected {expected}, present {present}, on leave {leave}, absent {absent}</source>
      <translation>应到 {expected} 人，实到 {present} 人，请假 {leave} 人，缺席 {absent} 人</translation>
    </message>
    <message>
      <source>Away: {names}</source>
      <translation>缺席及原因：{names}</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Delete the meeting “{title}”?</source>
      <translation>删除会议“{title}”？</translation>
    </message>
    <message numerus="yes">
      <source>Its %n decision(s) are deleted with it.</source>
      <translation>
        <numerusform>其 %n 条决定事项将一并删除。</numerusform>
      </translation>
    </message>
    <message>
      <source>Delete meeting</source>
      <translation>删除会议</translation>
    </message>
  </context>
  <context>
    <name>MeetingsSettingsPage</name>
    <message>
      <source>Meetings and registers</source>
      <translation>会议与登记</translation>
    </message>
    <message>
      <source> days</source>
      <translation> 天</translation>
    </message>
    <message>
      <source>Days to reply to a letter or visit</source>
      <translation>来信来访答复期限</translation>
    </message>
    <message>
      <source>Hide the names when the letters and visits ledger is exported</source>
      <translation>导出来信来访台账时隐去姓名</translation>
    </message>
  </context>
  <context>
    <name>MeetingsTab</name>
    <message>
      <source>Meeting minutes</source>
      <translation>会议记录</translation>
    </message>
    <message>
      <source>Letters and visits</source>
      <translation>来信来访</translation>
    </message>
    <message>
      <source>Suggestions</source>
      <translation>合理化建议</translation>
    </message>
  </context>
  <context>
    <name>MemberActivitiesPanel</name>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Activity</source>
      <translation>活动</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>State</source>
      <translation>报名状态</translation>
    </message>
    <message>
      <source>Checked in</source>
      <translation>已签到</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>名次</translation>
    </message>
    <message>
      <source>Award</source>
      <translation>奖项</translation>
    </message>
    <message>
      <source>{year}: {count} activity(ies) signed up for, present at {present}</source>
      <translation>{year}年：报名 {count} 项活动，出席 {present} 项</translation>
    </message>
  </context>
  <context>
    <name>MemberChoiceForm</name>
    <message>
      <source>Any member, whatever year they joined.</source>
      <translation>可选任一会员，不论哪年入会。</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>打印…</translation>
    </message>
    <message>
      <source>Choose the member.</source>
      <translation>请选择会员。</translation>
    </message>
  </context>
  <context>
    <name>MemberCongressPanel</name>
    <message>
      <source>Term</source>
      <translation>届次</translation>
    </message>
    <message>
      <source>Delegation</source>
      <translation>代表团/组</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Elected</source>
      <translation>当选</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>离任</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>案由</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Proposals made</source>
      <translation>提出的提案</translation>
    </message>
    <message>
      <source>Not a delegate of the staff congress.</source>
      <translation>不是教代会代表。</translation>
    </message>
    <message>
      <source>Delegate of the current term ({term}); {count} term(s) in all.</source>
      <translation>本届（{term}）教代会代表；共{count}届。</translation>
    </message>
    <message>
      <source>Was a delegate in {count} term(s).</source>
      <translation>曾任{count}届教代会代表。</translation>
    </message>
    <message>
      <source>{count} proposal(s).</source>
      <translation>提案{count}件。</translation>
    </message>
  </context>
  <context>
    <name>MemberForm</name>
    <message>
      <source>New member</source>
      <translation>新增会员</translation>
    </message>
    <message>
      <source>Member file: {name}</source>
      <translation>会员档案：{name}</translation>
    </message>
    <message>
      <source>18 characters; birth date and sex are read from it</source>
      <translation>18位，自动读出出生日期和性别</translation>
    </message>
    <message>
      <source>Solar</source>
      <translation>公历</translation>
    </message>
    <message>
      <source>Lunar</source>
      <translation>农历</translation>
    </message>
    <message>
      <source>Birthday by</source>
      <translation>生日按</translation>
    </message>
    <message>
      <source>Mobile, or landline with area code</source>
      <translation>手机，或带区号的固定电话</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Ethnicity</source>
      <translation>民族</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Birth date</source>
      <translation>出生日期</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <source>Political status</source>
      <translation>政治面貌</translation>
    </message>
    <message>
      <source>Education</source>
      <translation>学历</translation>
    </message>
    <message>
      <source>Automatic (by sex and post)</source>
      <translation>自动（按性别和岗位）</translation>
    </message>
    <message>
      <source>Sets the statutory retirement age (gradual rise since 2025). Automatic: men 男60; women 女职工50 when the post names 工勤 or 工人, otherwise 女干部55.</source>
      <translation>决定法定退休年龄（2025年起渐进式延迟）。自动：男性按男60；女性职务含“工勤”或“工人”的按女职工50，其余按女干部55。</translation>
    </message>
    <message>
      <source>since</source>
      <translation>变动日期</translation>
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
      <source>Professional title</source>
      <translation>职称</translation>
    </message>
    <message>
      <source>Employment type</source>
      <translation>用工性质</translation>
    </message>
    <message>
      <source>Retirement track</source>
      <translation>退休类别</translation>
    </message>
    <message>
      <source>Started work</source>
      <translation>参加工作时间</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Decided by the staff congress delegate roster</source>
      <translation>由教代会代表名册决定</translation>
    </message>
    <message>
      <source>Union group</source>
      <translation>工会小组</translation>
    </message>
    <message>
      <source>Joined the union</source>
      <translation>入会时间</translation>
    </message>
    <message>
      <source>Union roles</source>
      <translation>工会职务</translation>
    </message>
    <message>
      <source>Basic information</source>
      <translation>基本信息</translation>
    </message>
    <message>
      <source>Work</source>
      <translation>工作信息</translation>
    </message>
    <message>
      <source>Union</source>
      <translation>工会信息</translation>
    </message>
    <message>
      <source>Close relatives</source>
      <translation>直系亲属</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Visits and assistance</source>
      <translation>走访慰问与帮扶</translation>
    </message>
    <message>
      <source>Activities this year</source>
      <translation>本年活动</translation>
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
      <source>Old 15-digit number converted to 18 digits.</source>
      <translation>旧15位号码已转换为18位。</translation>
    </message>
    <message>
      <source>Close relatives, row {row}: {message}</source>
      <translation>直系亲属第 {row} 行：{message}</translation>
    </message>
    <message>
      <source>Same name and birth date</source>
      <translation>同名同生日</translation>
    </message>
    <message>
      <source>Staff congress</source>
      <translation>教代会</translation>
    </message>
    <message>
      <source>Honours</source>
      <translation>荣誉</translation>
    </message>
    <message>
      <source>Membership and dues</source>
      <translation>会籍与会费</translation>
    </message>
  </context>
  <context>
    <name>MemberHonoursPanel</name>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Honour</source>
      <translation>荣誉</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>级别</translation>
    </message>
    <message>
      <source>Awarded by</source>
      <translation>授予单位</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Award</source>
      <translation>奖项</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Nominations</source>
      <translation>推荐记录</translation>
    </message>
    <message>
      <source>No honours or nominations recorded.</source>
      <translation>没有荣誉和推荐记录。</translation>
    </message>
    <message>
      <source>{honours} honour(s), {nominations} nomination(s).</source>
      <translation>荣誉{honours}项，推荐{nominations}次。</translation>
    </message>
  </context>
  <context>
    <name>MemberList</name>
    <message numerus="yes">
      <source>%n member(s)</source>
      <translation>
        <numerusform>共 %n 人</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MemberPicker</name>
    <message>
      <source>Name or pinyin initials</source>
      <translation>姓名或拼音首字母</translation>
    </message>
    <message>
      <source>No member found</source>
      <translation>没有找到会员</translation>
    </message>
  </context>
  <context>
    <name>MemberVisitsPanel</name>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>现金</translation>
    </message>
    <message>
      <source>Goods</source>
      <translation>物品</translation>
    </message>
    <message>
      <source>Serial</source>
      <translation>记录单号</translation>
    </message>
    <message>
      <source>Reason or notes</source>
      <translation>事由或备注</translation>
    </message>
    <message>
      <source>Voided: {reason}</source>
      <translation>已作废：{reason}</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>走访慰问</translation>
    </message>
    <message>
      <source>Assistance</source>
      <translation>帮扶</translation>
    </message>
    <message>
      <source>{visits} visit(s), {help} assistance record(s), {amount} yuan in cash</source>
      <translation>走访慰问 {visits} 次，帮扶 {help} 次，现金合计 {amount} 元</translation>
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
      <source>Union group</source>
      <translation>工会小组</translation>
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
      <source>Search name, pinyin or initials, ID number or phone</source>
      <translation>搜索姓名、拼音或首字母、身份证号、电话</translation>
    </message>
    <message>
      <source>New member</source>
      <translation>新增会员</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Change status</source>
      <translation>变更状态</translation>
    </message>
    <message>
      <source>Change history</source>
      <translation>修改记录</translation>
    </message>
    <message>
      <source>Batch visits</source>
      <translation>批量慰问</translation>
    </message>
    <message>
      <source>Visit the selected members in one go (Ctrl or Shift selects several)</source>
      <translation>为选中的会员一次登记慰问（按住 Ctrl 或 Shift 可多选）</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>All departments</source>
      <translation>全部部门</translation>
    </message>
    <message>
      <source>All union groups</source>
      <translation>全部工会小组</translation>
    </message>
    <message>
      <source>Any sex</source>
      <translation>性别不限</translation>
    </message>
    <message>
      <source>Any employment</source>
      <translation>用工性质不限</translation>
    </message>
    <message>
      <source>Any union role</source>
      <translation>工会职务不限</translation>
    </message>
    <message>
      <source>Any age</source>
      <translation>年龄不限</translation>
    </message>
    <message>
      <source>Under 35</source>
      <translation>35岁以下</translation>
    </message>
    <message>
      <source>35 to 49</source>
      <translation>35至49岁</translation>
    </message>
    <message>
      <source>50 and over</source>
      <translation>50岁及以上</translation>
    </message>
    <message>
      <source>Custom</source>
      <translation>自定义</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <source>Import roster</source>
      <translation>导入花名册</translation>
    </message>
    <message>
      <source>Export roster</source>
      <translation>导出花名册</translation>
    </message>
    <message>
      <source>any</source>
      <translation>不限</translation>
    </message>
    <message>
      <source> yrs</source>
      <translation> 岁</translation>
    </message>
    <message>
      <source>{count} visit(s) saved, {amount} yuan in all, serials {first} to {last}.</source>
      <translation>已登记 {count} 人次，共 {amount} 元，编号 {first} 至 {last}。</translation>
    </message>
  </context>
  <context>
    <name>MembershipPage</name>
    <message>
      <source>Membership rate</source>
      <translation>入会率</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>Non-members</source>
      <translation>非会员</translation>
    </message>
    <message>
      <source>Rate</source>
      <translation>入会率</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Employment</source>
      <translation>用工形式</translation>
    </message>
    <message>
      <source>Membership changes</source>
      <translation>会籍变动</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>变动</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Handler</source>
      <translation>经办人</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Marks</source>
      <translation>标记</translation>
    </message>
    <message>
      <source>All changes</source>
      <translation>全部变动</translation>
    </message>
    <message>
      <source>Record a change…</source>
      <translation>登记会籍变动…</translation>
    </message>
    <message>
      <source>Void…</source>
      <translation>作废…</translation>
    </message>
    <message>
      <source>Print transfer letter…</source>
      <translation>打印介绍信…</translation>
    </message>
    <message>
      <source>Print application form…</source>
      <translation>打印入会申请书…</translation>
    </message>
    <message>
      <source>Print member register…</source>
      <translation>打印会员登记表…</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Staff who are not members</source>
      <translation>非会员教职工</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>入职日期</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Show those who left or joined</source>
      <translation>显示已离职、退休或已入会的</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>新增…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>Leaves / retires…</source>
      <translation>离职/退休…</translation>
    </message>
    <message>
      <source>Join…</source>
      <translation>入会…</translation>
    </message>
    <message>
      <source>All years</source>
      <translation>全部年度</translation>
    </message>
    <message>
      <source>Today ({day})</source>
      <translation>今天（{day}）</translation>
    </message>
    <message>
      <source>At the end of {year}: {rate}</source>
      <translation>{year}年末：{rate}</translation>
    </message>
    <message>
      <source>{members} member(s) in service, {staff} non-member staff in service</source>
      <translation>在职会员 {members} 人，在职非会员教职工 {staff} 人</translation>
    </message>
    <message numerus="yes">
      <source>%n change(s)</source>
      <translation>
        <numerusform>%n 条变动</numerusform>
      </translation>
    </message>
    <message>
      <source>, {n} voided</source>
      <translation>，其中作废 {n} 条</translation>
    </message>
    <message numerus="yes">
      <source>%n person(s)</source>
      <translation>
        <numerusform>%n 人</numerusform>
      </translation>
    </message>
    <message>
      <source>Print transfer letter</source>
      <translation>打印介绍信</translation>
    </message>
    <message>
      <source>Choose a 转出 change that is not voided.</source>
      <translation>请选择一条未作废的转出记录。</translation>
    </message>
    <message>
      <source>Print application form</source>
      <translation>打印入会申请书</translation>
    </message>
    <message>
      <source>Print member register</source>
      <translation>打印会员登记表</translation>
    </message>
  </context>
  <context>
    <name>MembershipPanel</name>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>变动</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Handler</source>
      <translation>经办人</translation>
    </message>
    <message>
      <source>Marks</source>
      <translation>标记</translation>
    </message>
    <message>
      <source>Effective</source>
      <translation>生效日期</translation>
    </message>
    <message>
      <source>Wage base</source>
      <translation>缴费基数</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>From</source>
      <translation>起</translation>
    </message>
    <message>
      <source>To</source>
      <translation>止</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Paid on</source>
      <translation>缴纳日期</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>Print application form…</source>
      <translation>打印入会申请书…</translation>
    </message>
    <message>
      <source>Print member register…</source>
      <translation>打印会员登记表…</translation>
    </message>
    <message>
      <source>Membership history</source>
      <translation>会籍记录</translation>
    </message>
    <message numerus="yes">
      <source>Last %n payment(s)</source>
      <translation>
        <numerusform>最近 %n 笔缴费</numerusform>
      </translation>
    </message>
    <message>
      <source>Wage bases (effective, yuan a month)</source>
      <translation>缴费基数（生效日期、月基数）</translation>
    </message>
    <message>
      <source>Dues exemptions (from ~ to, reason)</source>
      <translation>会费免缴（起止、原因）</translation>
    </message>
    <message>
      <source>no end date</source>
      <translation>未定截止日期</translation>
    </message>
    <message>
      <source>exempt: {reason} (until {end})</source>
      <translation>免缴：{reason}（至 {end}）</translation>
    </message>
    <message>
      <source>Print application form</source>
      <translation>打印入会申请书</translation>
    </message>
    <message>
      <source>Print member register</source>
      <translation>打印会员登记表</translation>
    </message>
    <message>
      <source>Status: {status}</source>
      <translation>状态：{status}</translation>
    </message>
    <message>
      <source>wage base now: {amount} yuan</source>
      <translation>现缴费基数 {amount} 元</translation>
    </message>
    <message>
      <source>no wage base</source>
      <translation>未设缴费基数</translation>
    </message>
    <message numerus="yes">
      <source>%n month(s) of dues unpaid</source>
      <translation>
        <numerusform>会费欠缴 %n 个月</numerusform>
      </translation>
    </message>
    <message>
      <source>no dues in arrears</source>
      <translation>会费无欠缴</translation>
    </message>
  </context>
  <context>
    <name>MembershipTab</name>
    <message>
      <source>Membership</source>
      <translation>会籍</translation>
    </message>
    <message>
      <source>Dues</source>
      <translation>会费</translation>
    </message>
  </context>
  <context>
    <name>MergeDialog</name>
    <message>
      <source>Merge proposal</source>
      <translation>并案</translation>
    </message>
    <message>
      <source>Merge into</source>
      <translation>并入提案</translation>
    </message>
    <message>
      <source>Shown as</source>
      <translation>显示为</translation>
    </message>
    <message>
      <source>No other proposal of this session can take it.</source>
      <translation>本次会议没有可以并入的其他提案。</translation>
    </message>
  </context>
  <context>
    <name>MonthGrid</name>
    <message>
      <source>Mon</source>
      <translation>一</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>二</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>三</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>四</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>五</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>六</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>日</translation>
    </message>
    <message numerus="yes">
      <source>Birthdays: %n</source>
      <translation>
        <numerusform>生日 %n 人</numerusform>
      </translation>
    </message>
    <message>
      <source>Off</source>
      <translation>休</translation>
    </message>
    <message>
      <source>Workday</source>
      <translation>班</translation>
    </message>
    <message numerus="yes">
      <source>+%n more</source>
      <translation>
        <numerusform>+%n 更多</numerusform>
      </translation>
    </message>
    <message>
      <source>Day off: {name}</source>
      <translation>放假：{name}</translation>
    </message>
    <message>
      <source>Make-up workday: {name}</source>
      <translation>调休上班：{name}</translation>
    </message>
    <message>
      <source>· Activity: {title}</source>
      <translation>· 活动：{title}</translation>
    </message>
  </context>
  <context>
    <name>Navigation</name>
    <message>
      <source>Activities</source>
      <translation>活动报名</translation>
    </message>
    <message>
      <source>Ledgers</source>
      <translation>台账</translation>
    </message>
    <message>
      <source>Statistics</source>
      <translation>年度统计</translation>
    </message>
    <message>
      <source>Hardship and visits</source>
      <translation>困难帮扶与走访</translation>
    </message>
    <message>
      <source>Home</source>
      <translation>首页</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>会员档案</translation>
    </message>
    <message>
      <source>Work plan</source>
      <translation>工作计划</translation>
    </message>
    <message>
      <source>Staff congress</source>
      <translation>教代会与提案</translation>
    </message>
    <message>
      <source>Union funds</source>
      <translation>工会经费</translation>
    </message>
    <message>
      <source>Honours</source>
      <translation>评优表彰</translation>
    </message>
    <message>
      <source>Meetings and registers</source>
      <translation>会议与登记</translation>
    </message>
    <message>
      <source>Membership and dues</source>
      <translation>会籍与会费</translation>
    </message>
  </context>
  <context>
    <name>NavigationList</name>
    <message>
      <source>Areas</source>
      <translation>功能区</translation>
    </message>
  </context>
  <context>
    <name>NominationForm</name>
    <message>
      <source>Edit nomination</source>
      <translation>编辑推荐</translation>
    </message>
    <message>
      <source>Nominate</source>
      <translation>推荐</translation>
    </message>
    <message>
      <source>Who may be nominated: {who}.</source>
      <translation>推荐条件：{who}。</translation>
    </message>
    <message>
      <source>Union group</source>
      <translation>工会小组</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>the nominee's union group when empty</source>
      <translation>不填则为被推荐人所在工会小组</translation>
    </message>
    <message>
      <source>Nominated by</source>
      <translation>推荐单位</translation>
    </message>
    <message>
      <source>A summary of the nominee's deeds (a few hundred characters)</source>
      <translation>被推荐人的先进事迹（几百字）</translation>
    </message>
    <message>
      <source>Deeds</source>
      <translation>先进事迹</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>评选结果</translation>
    </message>
    <message>
      <source>not counted</source>
      <translation>未计票</translation>
    </message>
    <message>
      <source>Votes</source>
      <translation>票数</translation>
    </message>
    <message>
      <source>Sent up to (level)</source>
      <translation>上报级别</translation>
    </message>
    <message>
      <source>Outcome there</source>
      <translation>上级评选结果</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>{count} character(s)</source>
      <translation>{count} 字</translation>
    </message>
    <message>
      <source>Not eligible: {reasons}</source>
      <translation>不符合条件：{reasons}</translation>
    </message>
    <message>
      <source>Eligible.</source>
      <translation>符合条件。</translation>
    </message>
  </context>
  <context>
    <name>OpinionDialog</name>
    <message>
      <source>Proposer's opinion</source>
      <translation>提案人意见</translation>
    </message>
    <message>
      <source>Reply</source>
      <translation>答复</translation>
    </message>
    <message>
      <source>Opinion</source>
      <translation>意见</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>反馈日期</translation>
    </message>
    <message>
      <source>When the proposer is not satisfied, the proposal can be handed over again.</source>
      <translation>提案人不满意的，可以再次交办。</translation>
    </message>
  </context>
  <context>
    <name>PaymentForm</name>
    <message>
      <source>Record a dues payment</source>
      <translation>登记缴费</translation>
    </message>
    <message>
      <source>e.g. {year}-03, {year}-Q1, {year}年上半年</source>
      <translation>如 {year}-03、{year}-Q1、{year}年上半年</translation>
    </message>
    <message>
      <source>yuan</source>
      <translation>元</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Amount paid (yuan)</source>
      <translation>实缴金额（元）</translation>
    </message>
    <message>
      <source>Date paid</source>
      <translation>缴费日期</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>缴费方式</translation>
    </message>
    <message>
      <source>Collector</source>
      <translation>收款人</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Exempt: {reason}</source>
      <translation>免缴：{reason}</translation>
    </message>
    <message>
      <source>No wage base on file for this period.</source>
      <translation>本期未设缴费基数。</translation>
    </message>
    <message>
      <source>Already paid with {period}.</source>
      <translation>已随{period}缴纳。</translation>
    </message>
    <message>
      <source>Base {base} · owed {owed} · paid {paid}</source>
      <translation>缴费基数 {base} · 应缴 {owed} · 已缴 {paid}</translation>
    </message>
  </context>
  <context>
    <name>PayrollImportDialog</name>
    <message>
      <source>Import a payroll deduction list</source>
      <translation>导入工资代扣表</translation>
    </message>
    <message>
      <source>File and period</source>
      <translation>文件与期间</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>检查</translation>
    </message>
    <message>
      <source>Import result</source>
      <translation>导入结果</translation>
    </message>
    <message>
      <source>Check &gt;</source>
      <translation>检查 &gt;</translation>
    </message>
    <message>
      <source>Choose the payroll list and the period</source>
      <translation>选择工资代扣表和会费期间</translation>
    </message>
    <message>
      <source>The deduction list from the payroll office: a column 姓名 or 身份证号, and the amount deducted for union dues (代扣会费). Excel (.xlsx, .xls), WPS (.et), LibreOffice (.ods), CSV and Unicode text files can be read; the sheet and the header row are found automatically.</source>
      <translation>财务部门提供的工资代扣表：要有“姓名”或“身份证号”列，以及代扣的工会会费（代扣会费）。可读取 Excel（.xlsx、.xls）、WPS（.et）、LibreOffice（.ods）、CSV 和 Unicode 文本文件；工作表和表头行会自动识别。</translation>
    </message>
    <message>
      <source>Payroll deduction list</source>
      <translation>工资代扣表</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Period paid</source>
      <translation>会费期间</translation>
    </message>
    <message>
      <source>How the import works:
• Every row is matched to a member by ID number, else by name; a row matching no member, or several, is reported with its row number and not imported.
• Each row becomes the member's dues payment for the period (method 工资代扣); the funds book gets one entry for the whole list.
• A 基数 column sets the member's wage base from the period's first day where it differs.
• A payment the dues rules ask about first (an exempt member, a period already paid) is shown as a note and imported only when you tick “Also import the rows that need confirming”.
• Importing the same list twice changes nothing the second time.</source>
      <translation>导入说明：
• 每一行按身份证号（没有则按姓名）对应到会员；对不上或对上多人的行会注明行号，不导入。
• 每一行登记为该会员本期的会费缴纳（方式：工资代扣）；整张表在经费账中记为一笔。
• 有“基数”列时，与现有基数不同的，从本期第一天起更新缴费基数。
• 需要先确认的缴费（免缴会员、本期已缴）显示为提示，勾选“也导入需要确认的行”后才导入。
• 同一张表导入两次，第二次不会有任何改变。</translation>
    </message>
    <message>
      <source>Also import the rows that need confirming</source>
      <translation>也导入需要确认的行</translation>
    </message>
    <message>
      <source>Choose the payroll deduction list</source>
      <translation>选择工资代扣表</translation>
    </message>
    <message>
      <source>Unexpected error: {error}</source>
      <translation>意外错误：{error}</translation>
    </message>
    <message>
      <source>Choose a file first.</source>
      <translation>请先选择文件。</translation>
    </message>
    <message>
      <source>Checking the payroll list</source>
      <translation>正在检查工资代扣表</translation>
    </message>
    <message>
      <source>Check before importing: payroll deductions for {period}</source>
      <translation>导入前检查：{period}工资代扣会费</translation>
    </message>
    <message>
      <source>{file}, sheet “{sheet}”</source>
      <translation>{file}，工作表“{sheet}”</translation>
    </message>
    <message>
      <source>{where}: header in row {row}, {count} row(s) of data.</source>
      <translation>{where}：表头在第 {row} 行，共 {count} 行数据。</translation>
    </message>
    <message>
      <source>row {row} ({reason})</source>
      <translation>第 {row} 行（{reason}）</translation>
    </message>
    <message>
      <source>Skipped: {rows}.</source>
      <translation>已跳过：{rows}。</translation>
    </message>
    <message>
      <source>All rows ({count})</source>
      <translation>全部行（{count}）</translation>
    </message>
    <message>
      <source>Errors only ({count})</source>
      <translation>只看错误（{count}）</translation>
    </message>
    <message>
      <source>Notes only ({count})</source>
      <translation>只看提示（{count}）</translation>
    </message>
    <message>
      <source>New only ({count})</source>
      <translation>只看新增（{count}）</translation>
    </message>
    <message>
      <source>Also import the rows that need confirming ({count})</source>
      <translation>也导入需要确认的行（{count} 行）</translation>
    </message>
    <message>
      <source>Import {count} row(s)</source>
      <translation>导入 {count} 行</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>There is nothing to import: every row is unchanged, has an error or needs confirming.</source>
      <translation>没有可导入的行：各行或未变、或有错误、或需要确认。</translation>
    </message>
    <message>
      <source>Importing the payroll list</source>
      <translation>正在导入工资代扣表</translation>
    </message>
    <message>
      <source>Import cancelled; nothing was written.</source>
      <translation>导入已取消，没有写入任何数据。</translation>
    </message>
    <message>
      <source>Payroll deductions for {period}: {added} payment(s) recorded, {updated} wage base(s) updated only, {unchanged} unchanged; {errors} row(s) with errors were not imported.</source>
      <translation>{period}工资代扣会费：登记缴费 {added} 笔，仅更新缴费基数 {updated} 人，未变 {unchanged} 行；{errors} 行有错误，未导入。</translation>
    </message>
    <message>
      <source>These rows were not imported; fix them in the file and import it again (rows already imported stay unchanged):</source>
      <translation>以下各行未导入；请在文件中改正后重新导入（已导入的行不会重复登记）：</translation>
    </message>
    <message>
      <source>Every row was imported.</source>
      <translation>所有行都已导入。</translation>
    </message>
    <message>
      <source>Save the import report</source>
      <translation>保存导入报告</translation>
    </message>
    <message>
      <source>Save the check report</source>
      <translation>保存检查报告</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Report saved: {path}</source>
      <translation>报告已保存：{path}</translation>
    </message>
  </context>
  <context>
    <name>PeriodChooser</name>
    <message>
      <source>Quarter {n}</source>
      <translation>第{n}季度</translation>
    </message>
    <message>
      <source>First half</source>
      <translation>上半年</translation>
    </message>
    <message>
      <source>Second half</source>
      <translation>下半年</translation>
    </message>
    <message>
      <source>Month {n}</source>
      <translation>{n}月</translation>
    </message>
  </context>
  <context>
    <name>PeriodSelector</name>
    <message>
      <source> (year)</source>
      <translation>年</translation>
    </message>
    <message>
      <source>Calendar year</source>
      <translation>全年</translation>
    </message>
    <message>
      <source>School year (Sep–Aug)</source>
      <translation>学年（9月—次年8月）</translation>
    </message>
    <message>
      <source>Spring term (Feb–Jul)</source>
      <translation>春季学期（2月—7月）</translation>
    </message>
    <message>
      <source>Autumn term (Sep–Jan)</source>
      <translation>秋季学期（9月—次年1月）</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
  </context>
  <context>
    <name>PlanImportDialog</name>
    <message>
      <source>Import plan from Excel</source>
      <translation>从 Excel 导入工作计划</translation>
    </message>
    <message>
      <source>An Excel list with a month (or date) column and an item column</source>
      <translation>Excel 清单：一列月份（或日期）、一列工作内容</translation>
    </message>
    <message>
      <source>Choose file…</source>
      <translation>选择文件…</translation>
    </message>
    <message>
      <source> (year)</source>
      <translation> 年</translation>
    </message>
    <message>
      <source>Check the list</source>
      <translation>检查清单</translation>
    </message>
    <message>
      <source>Excel, WPS (.et), CSV and Unicode text (.txt) files can be read.</source>
      <translation>支持 Excel、WPS（.et）、CSV 和 Unicode 文本（.txt）文件。</translation>
    </message>
    <message>
      <source>Columns read: 月份 or 日期, 工作内容 (needed); 类别, 负责人, 备注 (optional). Nothing is written until you press Import.</source>
      <translation>读取的列：月份或日期、工作内容（必需）；类别、负责人、备注（可选）。按“导入”之前不会写入任何数据。</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>行号</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>工作内容</translation>
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
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Plan year</source>
      <translation>计划年度</translation>
    </message>
    <message>
      <source>Choose the plan list</source>
      <translation>选择工作计划清单</translation>
    </message>
    <message>
      <source>Checking the list</source>
      <translation>正在检查清单</translation>
    </message>
    <message>
      <source>{year}: {new} item(s) to import, {exists} already in the plan (skipped), {errors} row(s) with problems (in red: fix them in the file and check again).</source>
      <translation>{year}年：可导入 {new} 项，已存在 {exists} 项（跳过），{errors} 行有问题（红色标出，请在文件中改正后重新检查）。</translation>
    </message>
    <message>
      <source>Importing the plan</source>
      <translation>正在导入工作计划</translation>
    </message>
    <message>
      <source>Import cancelled; nothing was written.</source>
      <translation>已取消导入，没有写入任何数据。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Imported into the {year} plan: {added} item(s) added, {skipped} already there (skipped), {errors} row(s) with problems left out.</source>
      <translation>{year}年工作计划已导入 {added} 项，已存在 {skipped} 项（跳过），{errors} 行有问题未导入。</translation>
    </message>
  </context>
  <context>
    <name>PlanItemPicker</name>
    <message>
      <source>Link to a plan item</source>
      <translation>关联计划项</translation>
    </message>
    <message>
      <source>Filter by title</source>
      <translation>按名称筛选</translation>
    </message>
    <message>
      <source>(no plan item)</source>
      <translation>（不关联计划项）</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>关联</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>PlanTab</name>
    <message>
      <source>Previous month</source>
      <translation>上个月</translation>
    </message>
    <message>
      <source>Next month</source>
      <translation>下个月</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>本月</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>月历</translation>
    </message>
    <message>
      <source>List</source>
      <translation>列表</translation>
    </message>
    <message>
      <source>New item…</source>
      <translation>新增计划项…</translation>
    </message>
    <message>
      <source>Generate from template</source>
      <translation>按模板生成</translation>
    </message>
    <message>
      <source>Template…</source>
      <translation>模板…</translation>
    </message>
    <message>
      <source>Completion…</source>
      <translation>完成情况…</translation>
    </message>
    <message>
      <source>Print plan…</source>
      <translation>打印计划…</translation>
    </message>
    <message>
      <source>Import plan…</source>
      <translation>导入计划…</translation>
    </message>
    <message>
      <source>New item on this day…</source>
      <translation>当日新增…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Mark done</source>
      <translation>标为已完成</translation>
    </message>
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
      <source>Linked records</source>
      <translation>关联记录</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Search item, responsible person or notes</source>
      <translation>搜索事项、负责人或备注</translation>
    </message>
    <message>
      <source>Activity</source>
      <translation>活动</translation>
    </message>
    <message>
      <source>birthdays</source>
      <translation>会员生日</translation>
    </message>
    <message>
      <source>day off</source>
      <translation>放假</translation>
    </message>
    <message>
      <source>make-up workday</source>
      <translation>调休上班</translation>
    </message>
    <message>
      <source>♥3: three members have their birthday that day (the list is in the day's panel). 休: a statutory day off. 班: a weekend day worked in exchange for a day off (调休).</source>
      <translation>♥3：当天有 3 位会员过生日（名单见右侧当天栏）。休：法定节假日放假。班：调休上班的周末。</translation>
    </message>
    <message>
      <source>Monday</source>
      <translation>星期一</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translation>星期二</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translation>星期三</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translation>星期四</translation>
    </message>
    <message>
      <source>Friday</source>
      <translation>星期五</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translation>星期六</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translation>星期日</translation>
    </message>
    <message>
      <source>These rules have no date in {year}, so they give no item:</source>
      <translation>以下规则在{year}年没有对应的日期，未生成事项：</translation>
    </message>
    <message>
      <source>Print plan</source>
      <translation>打印计划</translation>
    </message>
    <message>
      <source>{year}/{month}</source>
      <translation>{year}年{month}月</translation>
    </message>
    <message>
      <source>Estimate: the official holiday arrangement for {year} is not published yet</source>
      <translation>估算：{year}年放假安排尚未公布，“休/班”按法定节日推算</translation>
    </message>
    <message>
      <source>Days off follow the statutory festivals; make-up workdays are unknown until the State Council publishes the year's arrangement.</source>
      <translation>放假日期按法定节日推算；调休上班日要等国务院公布当年放假安排后才能确定。</translation>
    </message>
    <message>
      <source>No plan for {year} yet: use “Generate from template” or add items</source>
      <translation>{year}年还没有工作计划，可点“按模板生成”或逐项新增</translation>
    </message>
    <message>
      <source>No plan items this month</source>
      <translation>本月没有计划项</translation>
    </message>
    <message>
      <source>This month: {total} items, {done} done, completion {rate}</source>
      <translation>本月计划 {total} 项，已完成 {done} 项，完成率 {rate}</translation>
    </message>
    <message>
      <source>Month {m}: items without a date</source>
      <translation>{m}月未定具体日期的事项</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>{month}/{day} {weekday}</source>
      <translation>{month}月{day}日 {weekday}</translation>
    </message>
    <message>
      <source>Day off: {name}</source>
      <translation>放假：{name}</translation>
    </message>
    <message>
      <source>Make-up workday: {name}</source>
      <translation>调休上班：{name}</translation>
    </message>
    <message>
      <source>(estimate)</source>
      <translation>（估算）</translation>
    </message>
    <message>
      <source>Activity: {title}</source>
      <translation>活动：{title}</translation>
    </message>
    <message>
      <source>Birthday: {name}</source>
      <translation>生日：{name}</translation>
    </message>
    <message>
      <source> · lunar</source>
      <translation> · 农历</translation>
    </message>
    <message>
      <source>Nothing on this day. Double-click the day to add an item.</source>
      <translation>当天没有安排。双击日期可新增计划项。</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Choose a plan item in the list first.</source>
      <translation>请先在列表中选择一个计划项。</translation>
    </message>
    <message>
      <source>Generate the {year} work plan from the template?
Items already in the plan are neither duplicated nor changed.</source>
      <translation>按模板生成{year}年工作计划？
计划中已有的事项不会重复生成，也不会被改动。</translation>
    </message>
    <message>
      <source>{year}: {created} items created, {skipped} already in the plan (skipped).</source>
      <translation>{year}年：新生成 {created} 项，已有 {skipped} 项（跳过）。</translation>
    </message>
    <message>
      <source> (year)</source>
      <translation> 年</translation>
    </message>
  </context>
  <context>
    <name>PreviewModel</name>
    <message>
      <source>Row</source>
      <translation>行号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>变更内容</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>{reason}, skipped</source>
      <translation>{reason}，已跳过</translation>
    </message>
    <message>
      <source>Note: {text}</source>
      <translation>提醒：{text}</translation>
    </message>
  </context>
  <context>
    <name>PrintActions</name>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Preparing {name}…</source>
      <translation>正在生成 {name}……</translation>
    </message>
  </context>
  <context>
    <name>PrintPreviewDialog</name>
    <message>
      <source>Print preview</source>
      <translation>打印预览</translation>
    </message>
    <message>
      <source>Print preview – {name}</source>
      <translation>打印预览 – {name}</translation>
    </message>
    <message>
      <source>Whole page</source>
      <translation>整页</translation>
    </message>
    <message>
      <source>Page width</source>
      <translation>页宽</translation>
    </message>
    <message>
      <source>All pages</source>
      <translation>全部页</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>页码</translation>
    </message>
    <message>
      <source>View:</source>
      <translation>显示：</translation>
    </message>
    <message>
      <source>Print:</source>
      <translation>打印：</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>打印…</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>另存为PDF…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>The PDF could not be shown ({error}).</source>
      <translation>无法显示该 PDF（{error}）。</translation>
    </message>
    <message>
      <source>{count} page(s)</source>
      <translation>共 {count} 页</translation>
    </message>
    <message>
      <source>A5 pages: one per sheet on A5 paper; on A4 paper two per sheet, true size (cut in the middle).</source>
      <translation>A5 页面：用 A5 纸时每张印一页；用 A4 纸时每张印两页，原大（从中间裁开）。</translation>
    </message>
    <message>
      <source>A4 pages: one per sheet, true size.</source>
      <translation>A4 页面：每张纸印一页，原大。</translation>
    </message>
    <message>
      <source>No printer</source>
      <translation>没有打印机</translation>
    </message>
    <message>
      <source>No printer is installed on this computer.

Save the document as a PDF instead (to print it on another computer)?</source>
      <translation>这台电脑没有安装打印机。

要改为另存为 PDF（拿到其他电脑上打印）吗？</translation>
    </message>
    <message>
      <source>No page is chosen to print.</source>
      <translation>没有选择要打印的页。</translation>
    </message>
    <message>
      <source>{count} page(s) sent to the printer {printer}.</source>
      <translation>已将 {count} 页发送到打印机 {printer}。</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>正在打印……</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Printing page {done} of {total}…</source>
      <translation>正在打印第 {done} 页，共 {total} 页……</translation>
    </message>
    <message>
      <source>The printer {printer} could not start printing. Check that it is switched on and ready.</source>
      <translation>打印机 {printer} 无法开始打印，请检查打印机是否已开机并处于就绪状态。</translation>
    </message>
    <message>
      <source>Save as PDF</source>
      <translation>另存为PDF</translation>
    </message>
    <message>
      <source>Saved as {path}</source>
      <translation>已保存为 {path}</translation>
    </message>
  </context>
  <context>
    <name>ProposalForm</name>
    <message>
      <source>Edit proposal {number}</source>
      <translation>编辑提案 {number}</translation>
    </message>
    <message>
      <source>New proposal</source>
      <translation>新建提案</translation>
    </message>
    <message>
      <source>e.g. Improve the canteen's lunch for the staff</source>
      <translation>如：关于改善教职工午餐质量的建议</translation>
    </message>
    <message>
      <source>Names separated by 、</source>
      <translation>姓名之间用“、”分隔</translation>
    </message>
    <message>
      <source>Reasons and what is proposed</source>
      <translation>提出的理由和具体办法</translation>
    </message>
    <message>
      <source>Session</source>
      <translation>会议</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>案由</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Proposer</source>
      <translation>提案人</translation>
    </message>
    <message>
      <source>Seconders</source>
      <translation>附议人</translation>
    </message>
    <message>
      <source>Submitted on</source>
      <translation>提交日期</translation>
    </message>
    <message>
      <source>Reasons and proposal</source>
      <translation>理由及建议</translation>
    </message>
    <message>
      <source>A new proposal gets the session's next number and waits for review (征集).</source>
      <translation>新提案按会议顺序编号，状态为“征集”，等待提案工作组审查。</translation>
    </message>
    <message>
      <source>Choose the proposer from the list (type a name or pinyin initials).</source>
      <translation>请从列表中选择提案人（输入姓名或拼音首字母）。</translation>
    </message>
    <message>
      <source>Add a session of the congress first.</source>
      <translation>请先添加本届的会议。</translation>
    </message>
  </context>
  <context>
    <name>ProposalStepDialog</name>
    <message>
      <source>Proposal {number}: {title} (proposer {name}, state {state})</source>
      <translation>提案 {number}：{title}（提案人 {name}，状态 {state}）</translation>
    </message>
  </context>
  <context>
    <name>ProposalsPage</name>
    <message>
      <source>Register</source>
      <translation>立案</translation>
    </message>
    <message>
      <source>Not register…</source>
      <translation>不立案…</translation>
    </message>
    <message>
      <source>Merge…</source>
      <translation>并案…</translation>
    </message>
    <message>
      <source>Hand over…</source>
      <translation>交办…</translation>
    </message>
    <message>
      <source>Record reply…</source>
      <translation>登记答复…</translation>
    </message>
    <message>
      <source>Proposer's opinion…</source>
      <translation>提案人意见…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>办结</translation>
    </message>
    <message>
      <source>Withdraw…</source>
      <translation>撤回…</translation>
    </message>
    <message>
      <source>Void…</source>
      <translation>作废…</translation>
    </message>
    <message>
      <source>Session</source>
      <translation>会议</translation>
    </message>
    <message>
      <source>Proposer</source>
      <translation>提案人</translation>
    </message>
    <message>
      <source>Seconders</source>
      <translation>附议人</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Submitted on</source>
      <translation>提交日期</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Filing</source>
      <translation>立案情况</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Reasons and proposal</source>
      <translation>理由及建议</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>承办部门</translation>
    </message>
    <message>
      <source>Handed over on</source>
      <translation>交办日期</translation>
    </message>
    <message>
      <source>Reply due by</source>
      <translation>答复期限</translation>
    </message>
    <message>
      <source>Reply date</source>
      <translation>答复日期</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>办理结果</translation>
    </message>
    <message>
      <source>Proposer's opinion</source>
      <translation>提案人意见</translation>
    </message>
    <message>
      <source>Closed on</source>
      <translation>办结日期</translation>
    </message>
    <message>
      <source>History</source>
      <translation>办理记录</translation>
    </message>
    <message>
      <source>Select a proposal to see its details and handle it.</source>
      <translation>选中一件提案，查看详情并办理。</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>案由</translation>
    </message>
    <message>
      <source>Reply due</source>
      <translation>答复期限</translation>
    </message>
    <message>
      <source>Opinion</source>
      <translation>提案人意见</translation>
    </message>
    <message>
      <source>Search number, subject, proposer, seconder or department</source>
      <translation>搜索编号、案由、提案人、附议人或承办部门</translation>
    </message>
    <message>
      <source>All states</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>New proposal…</source>
      <translation>新建提案…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Print proposal form</source>
      <translation>打印提案表</translation>
    </message>
    <message>
      <source>Print reply form</source>
      <translation>打印答复单</translation>
    </message>
    <message>
      <source>Handling</source>
      <translation>办理</translation>
    </message>
    <message>
      <source>All sessions</source>
      <translation>全部会议</translation>
    </message>
    <message numerus="yes">
      <source>%n proposal(s)</source>
      <translation>
        <numerusform>共 %n 件</numerusform>
      </translation>
    </message>
    <message>
      <source>, {count} overdue</source>
      <translation>，逾期 {count} 件</translation>
    </message>
    <message>
      <source>New proposal</source>
      <translation>新建提案</translation>
    </message>
    <message>
      <source>Add a session of the congress first (会议 page).</source>
      <translation>请先在“会议”页添加本届的会议。</translation>
    </message>
    <message>
      <source>Proposal {number}</source>
      <translation>提案 {number}</translation>
    </message>
    <message>
      <source>Proposal form</source>
      <translation>提案表</translation>
    </message>
    <message>
      <source>Reply form</source>
      <translation>提案答复单</translation>
    </message>
  </context>
  <context>
    <name>ReasonDialog</name>
    <message>
      <source>Withdraw proposal</source>
      <translation>撤回提案</translation>
    </message>
    <message>
      <source>Void proposal</source>
      <translation>作废提案</translation>
    </message>
    <message>
      <source>e.g. the proposer withdrew it; entered twice</source>
      <translation>如：提案人申请撤回；重复录入</translation>
    </message>
    <message>
      <source>Reason (required)</source>
      <translation>原因（必填）</translation>
    </message>
    <message>
      <source>The proposal keeps its number; numbers are never reused.</source>
      <translation>提案保留原编号，编号不再使用。</translation>
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
    <name>RegisterPage</name>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Honour</source>
      <translation>荣誉名称</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>级别</translation>
    </message>
    <message>
      <source>Awarded by</source>
      <translation>授予单位</translation>
    </message>
    <message>
      <source>Holder</source>
      <translation>获得者</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>All levels</source>
      <translation>全部级别</translation>
    </message>
    <message>
      <source>Honour, name or union group</source>
      <translation>荣誉、姓名或工会小组</translation>
    </message>
    <message>
      <source>Enter an honour…</source>
      <translation>登记荣誉…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>From activity results…</source>
      <translation>从活动成绩生成…</translation>
    </message>
    <message>
      <source>Print certificates</source>
      <translation>打印证书</translation>
    </message>
    <message numerus="yes">
      <source>%n honour(s)</source>
      <translation>
        <numerusform>%n 条荣誉</numerusform>
      </translation>
    </message>
    <message>
      <source>the award round</source>
      <translation>评选</translation>
    </message>
    <message>
      <source>the activity</source>
      <translation>活动</translation>
    </message>
    <message>
      <source>Edit honour</source>
      <translation>编辑荣誉</translation>
    </message>
    <message>
      <source>This honour comes from {where}: change it there.</source>
      <translation>这条荣誉来自{where}，请在那里修改。</translation>
    </message>
    <message>
      <source>Delete honour</source>
      <translation>删除荣誉</translation>
    </message>
    <message>
      <source>Delete “{title}” of {holder}?</source>
      <translation>删除{holder}的“{title}”？</translation>
    </message>
    <message numerus="yes">
      <source>The %n member(s) listed on it are removed with it.</source>
      <translation>
        <numerusform>列名的%n位成员的荣誉记录一并删除。</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ReissueDialog</name>
    <message>
      <source>Void and reissue</source>
      <translation>作废重开</translation>
    </message>
    <message>
      <source>Slip {serial}: {name}, {type}, {date}, {cash} yuan</source>
      <translation>记录单 {serial}：{name}，{type}，{date}，{cash} 元</translation>
    </message>
    <message>
      <source>The old slip stays on record as voided; the new one gets the next serial number.</source>
      <translation>原记录单保留并标为作废，新记录使用下一个编号。</translation>
    </message>
    <message>
      <source>e.g. the amount should be 600 yuan</source>
      <translation>如：金额应为 600 元</translation>
    </message>
    <message>
      <source>Reason for voiding</source>
      <translation>作废原因</translation>
    </message>
    <message>
      <source>Corrected amount (yuan)</source>
      <translation>更正后金额（元）</translation>
    </message>
    <message>
      <source>This slip is already voided.</source>
      <translation>该记录单已经作废。</translation>
    </message>
  </context>
  <context>
    <name>RejectDialog</name>
    <message>
      <source>Not registered</source>
      <translation>不立案</translation>
    </message>
    <message>
      <source>e.g. not within the school's powers; already in this year's plan</source>
      <translation>如：不属于学校职权范围；已列入本年度工作计划</translation>
    </message>
    <message>
      <source>Keep it as an opinion or suggestion (转为意见建议)</source>
      <translation>转为意见建议</translation>
    </message>
    <message>
      <source>Reason (required)</source>
      <translation>理由（必填）</translation>
    </message>
  </context>
  <context>
    <name>RelativesTable</name>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Relation</source>
      <translation>关系</translation>
    </message>
    <message>
      <source>Birth date</source>
      <translation>出生日期</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <source>Work or school</source>
      <translation>工作单位或学校</translation>
    </message>
    <message>
      <source>Health</source>
      <translation>健康状况</translation>
    </message>
    <message>
      <source>Date of death</source>
      <translation>去世日期</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Add relative</source>
      <translation>添加亲属</translation>
    </message>
    <message>
      <source>Remove selected</source>
      <translation>移除所选</translation>
    </message>
  </context>
  <context>
    <name>ReplyDialog</name>
    <message>
      <source>Record the reply</source>
      <translation>登记答复</translation>
    </message>
    <message>
      <source>What the department did or will do</source>
      <translation>承办部门的办理情况或答复意见</translation>
    </message>
    <message>
      <source>Handed to {department} on {date}, due by {due}.</source>
      <translation>{date} 交办{department}，答复期限 {due}。</translation>
    </message>
    <message>
      <source>Handed over</source>
      <translation>交办</translation>
    </message>
    <message>
      <source>Reply date</source>
      <translation>答复日期</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>办理结果</translation>
    </message>
  </context>
  <context>
    <name>ReplyForm</name>
    <message>
      <source>Reply to {serial}</source>
      <translation>登记答复 {serial}</translation>
    </message>
    <message>
      <source>Closed (the matter is settled)</source>
      <translation>办结（事项已处理完毕）</translation>
    </message>
    <message>
      <source>Reply</source>
      <translation>答复情况</translation>
    </message>
    <message>
      <source>Reply date</source>
      <translation>答复日期</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
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
    <name>ResultDialog</name>
    <message>
      <source>Result — {who}</source>
      <translation>成绩 — {who}</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>名次</translation>
    </message>
    <message>
      <source>Award</source>
      <translation>奖项</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message>
      <source>Review the file of {name}</source>
      <translation>复核 {name} 的困难档案</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未复核</translation>
    </message>
    <message>
      <source>Last review: {last}; due: {due}</source>
      <translation>上次复核：{last}；应复核日期：{due}</translation>
    </message>
    <message>
      <source>What was found: still in hardship, income, health…</source>
      <translation>复核情况：是否仍困难、收入、健康等……</translation>
    </message>
    <message>
      <source>Review date</source>
      <translation>复核日期</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>复核意见</translation>
    </message>
    <message>
      <source>Reviewed by</source>
      <translation>复核人</translation>
    </message>
  </context>
  <context>
    <name>RosterExportDialog</name>
    <message>
      <source>Export the member roster</source>
      <translation>导出会员花名册</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Full ID numbers</source>
      <translation>导出完整身份证号</translation>
    </message>
    <message>
      <source>Masked by default (110105********1234). Keep a file with full ID numbers safe.</source>
      <translation>默认打码（如 110105********1234）。含完整身份证号的文件请妥善保管。</translation>
    </message>
    <message>
      <source>All columns</source>
      <translation>导出全部列</translation>
    </message>
    <message>
      <source>Adds union group, employment type, union roles and the other columns, e.g. to import the file again later.</source>
      <translation>增加工会小组、用工性质、工会职务等列，便于以后再导入。</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>会员范围</translation>
    </message>
    <message>
      <source>ID numbers</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Columns</source>
      <translation>导出列</translation>
    </message>
    <message>
      <source>Save as</source>
      <translation>保存到</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>{count} member(s)</source>
      <translation>共 {count} 人</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>{name} exists already. Replace it?</source>
      <translation>“{name}”已存在，要替换吗？</translation>
    </message>
    <message>
      <source>{count} member(s) exported to:
{path}

Open the folder?</source>
      <translation>已导出 {count} 名会员到：
{path}

打开所在文件夹吗？</translation>
    </message>
  </context>
  <context>
    <name>RosterImportWizard</name>
    <message>
      <source>Import a member roster</source>
      <translation>导入会员花名册</translation>
    </message>
    <message>
      <source>Next &gt;</source>
      <translation>下一步 &gt;</translation>
    </message>
    <message>
      <source>Excel (.xlsx, .xls), WPS (.et), LibreOffice (.ods), CSV (UTF-8, GBK or UTF-16) and Unicode text (.txt) files can be read. Title rows and merged cells above the table are fine: the header row is found automatically.</source>
      <translation>可以读取 Excel（.xlsx、.xls）、WPS（.et）、LibreOffice（.ods）、CSV（UTF-8、GBK 或 UTF-16 编码）和 Unicode 文本（.txt）文件。表格上方有标题行、合并单元格都没关系，表头行会自动找到。</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Choose file</source>
      <translation>选择文件</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>工作表</translation>
    </message>
    <message>
      <source>Header and columns</source>
      <translation>表头与列</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>检查</translation>
    </message>
    <message>
      <source>Import result</source>
      <translation>导入结果</translation>
    </message>
    <message>
      <source>Choose the roster file</source>
      <translation>选择花名册文件</translation>
    </message>
    <message>
      <source>Roster file</source>
      <translation>花名册文件</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>How the import works:
• A row is matched to a member by ID number, or by name and birth date when there is no ID number.
• A member already on file is updated only in the columns the file has; a blank cell never overwrites what is stored.
• Importing the same file twice changes nothing the second time.
• Every row is checked and shown before anything is written; rows with errors are not imported.</source>
      <translation>导入规则：
• 按身份证号找到对应的会员；没有身份证号时按姓名和出生日期查找。
• 已有会员只更新文件中有的列，空白单元格不会覆盖已登记的内容。
• 同一文件导入两次，第二次不会有任何改变。
• 写入之前会逐行检查并列出结果；有错误的行不导入。</translation>
    </message>
    <message>
      <source>Choose the sheet</source>
      <translation>选择工作表</translation>
    </message>
    <message>
      <source>The sheet whose header matches a roster best is chosen; pick another if the roster is elsewhere.</source>
      <translation>已自动选中表头最像花名册的工作表；如果花名册在别的工作表，请另选。</translation>
    </message>
    <message>
      <source>Header row and columns</source>
      <translation>表头行与列对应</translation>
    </message>
    <message>
      <source>The header row is shown in blue; rows above it are not imported. If it is wrong, double-click the right row or change the number. Under 'Import as', choose what each column holds, or （不导入） to leave it out.</source>
      <translation>蓝色的一行是表头，表头上方的行不导入。如果不对，请双击正确的行或修改行号。在“导入为”一行为每列选择对应的项目，不需要的列选“（不导入）”。</translation>
    </message>
    <message>
      <source>Header row:</source>
      <translation>表头行：第</translation>
    </message>
    <message>
      <source>(rows above it are not imported)</source>
      <translation>行（上方的行不导入）</translation>
    </message>
    <message>
      <source>Choose a file first.</source>
      <translation>请先选择文件。</translation>
    </message>
    <message>
      <source>Reading {name}…</source>
      <translation>正在读取 {name}…</translation>
    </message>
    <message>
      <source>Reading the file</source>
      <translation>读取文件</translation>
    </message>
    <message>
      <source>{sheet} (hidden)</source>
      <translation>{sheet}（隐藏）</translation>
    </message>
    <message>
      <source>(CSV file: one table)</source>
      <translation>（CSV 文件，只有一张表）</translation>
    </message>
    <message>
      <source>File: {name}</source>
      <translation>文件：{name}</translation>
    </message>
    <message>
      <source>The roster was found on sheet “{sheet}”, header in row {row}.</source>
      <translation>在工作表“{sheet}”中找到花名册，表头在第 {row} 行。</translation>
    </message>
    <message>
      <source>Header found in row {row}.</source>
      <translation>表头在第 {row} 行。</translation>
    </message>
    <message>
      <source>The file has {count} sheets.</source>
      <translation>文件共有 {count} 个工作表。</translation>
    </message>
    <message>
      <source>Hidden sheets are not read unless you choose one.</source>
      <translation>隐藏的工作表只有在您选中时才会读取。</translation>
    </message>
    <message>
      <source>Import as</source>
      <translation>导入为</translation>
    </message>
    <message>
      <source>Found automatically: row {row}.</source>
      <translation>自动识别：第 {row} 行。</translation>
    </message>
    <message>
      <source>No header was found automatically: choose the header row and the columns.</source>
      <translation>没有自动找到表头，请指定表头行和各列对应的项目。</translation>
    </message>
    <message>
      <source>“{label}” is chosen for two columns ({first} and {second}); choose it for one only.</source>
      <translation>“{label}”对应了两列（{first}列和{second}列），请只选一列。</translation>
    </message>
    <message>
      <source>Choose which column holds the name or the ID number: without them no row can be matched to a member.</source>
      <translation>请指定哪一列是姓名或身份证号：没有这两项，无法确定每行是哪位会员。</translation>
    </message>
    <message>
      <source>{count} column(s) will be read: {columns}.</source>
      <translation>将读取 {count} 列：{columns}。</translation>
    </message>
    <message>
      <source>Checking the roster</source>
      <translation>检查花名册</translation>
    </message>
    <message>
      <source>{file}, sheet “{sheet}”</source>
      <translation>{file}，工作表“{sheet}”</translation>
    </message>
    <message>
      <source>{where}: header in row {row}, {count} row(s) of data.</source>
      <translation>{where}：表头在第 {row} 行，共 {count} 行数据。</translation>
    </message>
    <message>
      <source>row {row} ({reason})</source>
      <translation>第 {row} 行（{reason}）</translation>
    </message>
    <message>
      <source>Skipped: {rows}.</source>
      <translation>已跳过：{rows}。</translation>
    </message>
    <message>
      <source>All rows ({count})</source>
      <translation>全部（{count}）</translation>
    </message>
    <message>
      <source>Errors only ({count})</source>
      <translation>只看错误（{count}）</translation>
    </message>
    <message>
      <source>Notes only ({count})</source>
      <translation>只看提醒（{count}）</translation>
    </message>
    <message>
      <source>New only ({count})</source>
      <translation>只看新增（{count}）</translation>
    </message>
    <message>
      <source>Updates only ({count})</source>
      <translation>只看更新（{count}）</translation>
    </message>
    <message>
      <source>Import {count} row(s)</source>
      <translation>导入 {count} 行</translation>
    </message>
    <message>
      <source>There is nothing to import: every row is unchanged or has an error.</source>
      <translation>没有可导入的行：每一行都未变或有错误。</translation>
    </message>
    <message>
      <source>Save the import report</source>
      <translation>保存导入报告</translation>
    </message>
    <message>
      <source>Save the check report</source>
      <translation>保存检查报告</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Writing {name}…</source>
      <translation>正在写入 {name}…</translation>
    </message>
    <message>
      <source>Report saved: {path}</source>
      <translation>报告已保存：{path}</translation>
    </message>
    <message>
      <source>Importing the roster</source>
      <translation>导入花名册</translation>
    </message>
    <message>
      <source>Import cancelled; nothing was written.</source>
      <translation>已取消导入，没有写入任何内容。</translation>
    </message>
    <message>
      <source>Added {added}, updated {updated}, unchanged {unchanged}; {errors} row(s) with errors were not imported.</source>
      <translation>新增 {added} 人，更新 {updated} 人，未变 {unchanged} 人；{errors} 行有错误，没有导入。</translation>
    </message>
    <message>
      <source>These rows were not imported; fix them in the file and import it again (rows already imported stay unchanged):</source>
      <translation>以下各行没有导入。请在文件中改正后再导入一次（已导入的行不会重复）：</translation>
    </message>
    <message>
      <source>Every row was imported.</source>
      <translation>全部导入成功。</translation>
    </message>
  </context>
  <context>
    <name>RoundForm</name>
    <message>
      <source>Edit award round</source>
      <translation>编辑评选</translation>
    </message>
    <message>
      <source>New award round</source>
      <translation>新建评选</translation>
    </message>
    <message>
      <source>Award</source>
      <translation>奖项</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Round title</source>
      <translation>评选名称</translation>
    </message>
    <message>
      <source>no quota</source>
      <translation>不限</translation>
    </message>
    <message>
      <source> person(s)</source>
      <translation> 人</translation>
    </message>
    <message>
      <source>Quota</source>
      <translation>名额</translation>
    </message>
    <message>
      <source>Nominations until</source>
      <translation>推荐截止</translation>
    </message>
    <message>
      <source>Public notice</source>
      <translation>公示期</translation>
    </message>
    <message>
      <source>e.g. union office, Ms Wang, 12345678</source>
      <translation>例如：工会办公室 王老师 12345678</translation>
    </message>
    <message>
      <source>Contact on the notice</source>
      <translation>公示联系人</translation>
    </message>
    <message>
      <source>Warn when last year's winner of this award is nominated again</source>
      <translation>推荐去年已获评本奖项的人时提醒</translation>
    </message>
    <message>
      <source>Decided on</source>
      <translation>表彰日期</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>No award types yet: add them in File → Award types….</source>
      <translation>还没有奖项：请在“文件 → 奖项设置…”中添加。</translation>
    </message>
    <message>
      <source>Who may be nominated: {who}. Awarded by {body}.</source>
      <translation>推荐条件：{who}。授予单位：{body}。</translation>
    </message>
  </context>
  <context>
    <name>RoundsPage</name>
    <message>
      <source>Round</source>
      <translation>评选名称</translation>
    </message>
    <message>
      <source>Award</source>
      <translation>奖项</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>级别</translation>
    </message>
    <message>
      <source>Quota</source>
      <translation>名额</translation>
    </message>
    <message>
      <source>Nominations until</source>
      <translation>推荐截止</translation>
    </message>
    <message>
      <source>Public notice</source>
      <translation>公示期</translation>
    </message>
    <message>
      <source>Nominated</source>
      <translation>推荐人数</translation>
    </message>
    <message>
      <source>Elected</source>
      <translation>当选人数</translation>
    </message>
    <message>
      <source>Decided on</source>
      <translation>表彰日期</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>New round…</source>
      <translation>新建评选…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Decide…</source>
      <translation>表彰…</translation>
    </message>
    <message>
      <source>Print notice</source>
      <translation>打印公示</translation>
    </message>
    <message>
      <source>Print honour roll</source>
      <translation>打印表彰名单</translation>
    </message>
    <message>
      <source>Print certificates</source>
      <translation>打印证书</translation>
    </message>
    <message>
      <source>Name / union group</source>
      <translation>姓名/工会小组</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Nominated by</source>
      <translation>推荐单位</translation>
    </message>
    <message>
      <source>Votes</source>
      <translation>票数</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Sent up to</source>
      <translation>上报级别</translation>
    </message>
    <message>
      <source>Outcome there</source>
      <translation>上级结果</translation>
    </message>
    <message>
      <source>Deeds</source>
      <translation>先进事迹</translation>
    </message>
    <message>
      <source>Nominate…</source>
      <translation>推荐…</translation>
    </message>
    <message>
      <source>Edit nomination…</source>
      <translation>编辑推荐…</translation>
    </message>
    <message>
      <source>Delete nomination</source>
      <translation>删除推荐</translation>
    </message>
    <message>
      <source>Print nomination forms</source>
      <translation>打印推荐表</translation>
    </message>
    <message numerus="yes">
      <source>%n round(s)</source>
      <translation>
        <numerusform>%n 项评选</numerusform>
      </translation>
    </message>
    <message>
      <source>No award round chosen.</source>
      <translation>没有选中评选。</translation>
    </message>
    <message>
      <source>No award rounds this year yet: add one with “New round…”.</source>
      <translation>本年度还没有评选：点“新建评选…”添加。</translation>
    </message>
    <message>
      <source>Nominations of {title}. Who may be nominated: {who}.</source>
      <translation>{title}的推荐名单。推荐条件：{who}。</translation>
    </message>
    <message>
      <source>Decided on {day}.</source>
      <translation>已于{day}表彰。</translation>
    </message>
    <message>
      <source>Delete the award round “{title}”?</source>
      <translation>删除评选“{title}”？</translation>
    </message>
    <message numerus="yes">
      <source>Its %n nomination(s) are deleted with it.</source>
      <translation>
        <numerusform>其中%n条推荐一并删除。</numerusform>
      </translation>
    </message>
    <message>
      <source>Delete award round</source>
      <translation>删除评选</translation>
    </message>
    <message>
      <source>Decide the award round</source>
      <translation>表彰</translation>
    </message>
    <message>
      <source>Before deciding “{title}”:</source>
      <translation>表彰“{title}”之前请注意：</translation>
    </message>
    <message>
      <source>Decide it anyway?</source>
      <translation>仍要表彰吗？</translation>
    </message>
    <message>
      <source>“{title}” decided on {day}: {new} new honour(s) in the register ({total} in all from this round).</source>
      <translation>“{title}”已于{day}表彰：荣誉台账新增{new}条（本次评选共{total}条）。</translation>
    </message>
    <message>
      <source>Delete the nomination of {name}?</source>
      <translation>删除对{name}的推荐？</translation>
    </message>
    <message>
      <source>This round has no honours yet: decide it first (Decide…).</source>
      <translation>这次评选还没有荣誉记录：请先表彰（表彰…）。</translation>
    </message>
  </context>
  <context>
    <name>RuleDialog</name>
    <message>
      <source>Edit template rule</source>
      <translation>编辑模板规则</translation>
    </message>
    <message>
      <source>New template rule</source>
      <translation>新增模板规则</translation>
    </message>
    <message>
      <source>e.g. Celebrate the {N}th Teachers' Day</source>
      <translation>例如：庆祝第{N}个教师节</translation>
    </message>
    <message>
      <source>In the item name, {第N个:1911} counts from a first year (第117个 in 2027), {N周年:1921} the years since a founding (106周年 in 2027), {N} the number of the Teachers' Day, {月} the month and {年} the year.</source>
      <translation>事项名称中，{第N个:1911} 按首届年份计数（2027年为第117个），{N周年:1921} 按创立年份计周年（2027年为106周年），{N} 是第几个教师节，{月} 是月份，{年} 是年份。</translation>
    </message>
    <message>
      <source>Month {m}</source>
      <translation>{m}月</translation>
    </message>
    <message>
      <source>{name} month (lunar)</source>
      <translation>{name}月</translation>
    </message>
    <message>
      <source> days</source>
      <translation> 天</translation>
    </message>
    <message>
      <source>negative = before, positive = after</source>
      <translation>负数为提前，正数为推后</translation>
    </message>
    <message>
      <source>On a fixed day of each month</source>
      <translation>每月固定日期</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>启用</translation>
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
      <source>Rule</source>
      <translation>时间规则</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>日</translation>
    </message>
    <message>
      <source>Lunar month</source>
      <translation>农历月</translation>
    </message>
    <message>
      <source>Lunar day</source>
      <translation>农历日</translation>
    </message>
    <message>
      <source>Festival</source>
      <translation>节日</translation>
    </message>
    <message>
      <source>Earlier / later</source>
      <translation>提前或推后</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>今年</translation>
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
      <source>every month, first: {when}</source>
      <translation>每月一项，第一项：{when}</translation>
    </message>
  </context>
  <context>
    <name>SchoolHolidaysDialog</name>
    <message>
      <source>School holidays {year}</source>
      <translation>{year}年寒暑假</translation>
    </message>
    <message>
      <source>Generating a plan keeps dated items out of these holidays: they move to the last working day before (or the first after), except items allowed in the holidays such as the Spring Festival visits. Default winter holiday: from the Saturday 15–21 days before the Spring Festival (not before 13 January) to the Sunday nearest the Lantern Festival, at least four weeks; default summer holiday: 10 July to 31 August. Plans already generated do not change.</source>
      <translation>生成计划时，有具体日期的事项不会安排在寒暑假中：提前到放假前的最后一个工作日（或推后到开学后的第一个工作日），春节慰问等允许在假期中的事项除外。默认寒假：春节前15至21天的星期六（不早于1月13日）起，到离元宵节最近的星期日止，至少四周；默认暑假：7月10日至8月31日。已生成的计划不会改变。</translation>
    </message>
    <message>
      <source>Winter holiday</source>
      <translation>寒假</translation>
    </message>
    <message>
      <source>Summer holiday</source>
      <translation>暑假</translation>
    </message>
    <message>
      <source>Use the defaults</source>
      <translation>恢复默认</translation>
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
      <source>The defaults</source>
      <translation>默认日期</translation>
    </message>
    <message>
      <source>The school's own dates</source>
      <translation>本校自定日期</translation>
    </message>
  </context>
  <context>
    <name>SessionForm</name>
    <message>
      <source>Edit session</source>
      <translation>编辑会议</translation>
    </message>
    <message>
      <source>New session</source>
      <translation>新建会议</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>届次</translation>
    </message>
    <message>
      <source>Session number</source>
      <translation>第几次会议</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>e.g. the lecture hall</source>
      <translation>例如：学术报告厅</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>会议名称</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Add the agenda item: review the report on last session's proposals</source>
      <translation>加入议程：审议上次提案办理情况报告</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Create a term first.</source>
      <translation>请先新建届次。</translation>
    </message>
  </context>
  <context>
    <name>SessionsPage</name>
    <message>
      <source>Session</source>
      <translation>会议</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>应到</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>实到</translation>
    </message>
    <message>
      <source>On leave</source>
      <translation>请假</translation>
    </message>
    <message>
      <source>Quorum</source>
      <translation>法定人数</translation>
    </message>
    <message>
      <source>Proposals</source>
      <translation>提案</translation>
    </message>
    <message>
      <source>Plan item</source>
      <translation>关联计划项</translation>
    </message>
    <message>
      <source>New term…</source>
      <translation>新建届次…</translation>
    </message>
    <message>
      <source>Edit term…</source>
      <translation>编辑届次…</translation>
    </message>
    <message>
      <source>New session…</source>
      <translation>新建会议…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Plan item…</source>
      <translation>关联计划项…</translation>
    </message>
    <message>
      <source>Sign-in…</source>
      <translation>签到…</translation>
    </message>
    <message>
      <source>Agenda and votes…</source>
      <translation>议程与表决…</translation>
    </message>
    <message>
      <source>Democratic evaluation…</source>
      <translation>民主评议…</translation>
    </message>
    <message>
      <source>Print sign-in sheet</source>
      <translation>打印签到表</translation>
    </message>
    <message>
      <source>Print proposals report</source>
      <translation>打印提案办理情况报告</translation>
    </message>
    <message>
      <source>Its proposals</source>
      <translation>该会议的提案</translation>
    </message>
    <message>
      <source>No session chosen.</source>
      <translation>未选择会议。</translation>
    </message>
    <message>
      <source>No term yet: create one with “New term…”.</source>
      <translation>还没有届次：请用“新建届次…”建立。</translation>
    </message>
    <message>
      <source>Expected {expected}, present {present}, on leave {leave}, absent {absent}; the quorum needs {needed}.</source>
      <translation>应到{expected}人，实到{present}人，请假{leave}人，缺席{absent}人；法定人数{needed}人。</translation>
    </message>
    <message>
      <source>Quorum reached.</source>
      <translation>法定人数已达到。</translation>
    </message>
    <message>
      <source>Nobody has signed in yet.</source>
      <translation>尚未签到。</translation>
    </message>
    <message>
      <source> (for {f}, against {a}, abstain {b}: {result})</source>
      <translation>（赞成{f}，反对{a}，弃权{b}：{result}）</translation>
    </message>
    <message>
      <source>Agenda:</source>
      <translation>议程：</translation>
    </message>
    <message>
      <source>Proposals: {summary}</source>
      <translation>提案：{summary}</translation>
    </message>
    <message>
      <source>Evaluations: {titles}</source>
      <translation>民主评议：{titles}</translation>
    </message>
    <message>
      <source>Plan item: {title}</source>
      <translation>关联计划项：{title}</translation>
    </message>
    <message>
      <source>Delete session</source>
      <translation>删除会议</translation>
    </message>
    <message>
      <source>Delete “{title}”?</source>
      <translation>删除“{title}”？</translation>
    </message>
    <message>
      <source>Democratic evaluation</source>
      <translation>民主评议</translation>
    </message>
    <message>
      <source>Nobody has signed in to this session yet: sign in first.</source>
      <translation>这次会议还没有代表签到，请先签到。</translation>
    </message>
    <message>
      <source>New evaluation…</source>
      <translation>新建民主评议…</translation>
    </message>
    <message>
      <source>Open which evaluation?</source>
      <translation>打开哪一项民主评议？</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>General</source>
      <translation>常规</translation>
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
      <source>Font in the file</source>
      <translation>文件中的字体</translation>
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
      <source>Move…</source>
      <translation>移动…</translation>
    </message>
    <message>
      <source>This data file was chosen with --db, --demo or UNION_DESK_DB; it is not moved from here.</source>
      <translation>这个数据文件是用 --db、--demo 或 UNION_DESK_DB 指定的，不能在这里移动。</translation>
    </message>
    <message>
      <source>Data file</source>
      <translation>数据文件</translation>
    </message>
    <message>
      <source>None: choose a folder on another drive or a USB stick</source>
      <translation>未设置：请选择其他磁盘或U盘上的文件夹</translation>
    </message>
    <message>
      <source>Second backup place</source>
      <translation>备份位置</translation>
    </message>
    <message>
      <source>Every backup is copied there too when the folder is present (a USB stick may be unplugged).</source>
      <translation>每次备份时，只要这个文件夹在（U 盘可以不插），备份也会复制一份到那里。</translation>
    </message>
    <message>
      <source>Move the data file to</source>
      <translation>把数据文件移到</translation>
    </message>
    <message>
      <source>Move the data file</source>
      <translation>移动数据文件</translation>
    </message>
    <message>
      <source>Copy the data file and its backups to
{folder}
and use it there from now on?

The old file stays where it is, unchanged.</source>
      <translation>把数据文件和它的备份复制到
{folder}
并从现在起使用那里的文件吗？

原来的文件原样留在原处。</translation>
    </message>
    <message>
      <source>The backup place does not exist: {path}</source>
      <translation>备份位置不存在：{path}</translation>
    </message>
    <message>
      <source>The backup place must be outside the data folder.</source>
      <translation>备份位置必须在数据文件夹以外。</translation>
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
    <name>SignInDialog</name>
    <message>
      <source>Sign-in: {title}</source>
      <translation>签到：{title}</translation>
    </message>
    <message>
      <source>Name or pinyin initials, Enter marks present</source>
      <translation>姓名或拼音首字母，回车即登记出席</translation>
    </message>
    <message>
      <source>Find</source>
      <translation>查找</translation>
    </message>
    <message>
      <source>All present</source>
      <translation>全部出席</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Delegation</source>
      <translation>代表团/组</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Attendance</source>
      <translation>出席情况</translation>
    </message>
    <message>
      <source>Reason for leave</source>
      <translation>请假原因</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Expected {expected}, present {present}, on leave {leave}, absent {absent}; {needed} needed</source>
      <translation>应到{expected}人，出席{present}人，请假{leave}人，缺席{absent}人；法定人数{needed}人</translation>
    </message>
    <message>
      <source>{count} found</source>
      <translation>找到{count}人</translation>
    </message>
    <message>
      <source>Nobody to mark matches “{text}”.</source>
      <translation>没有与“{text}”相符的未出席代表。</translation>
    </message>
    <message>
      <source>{count} people match; mark one in the list.</source>
      <translation>有{count}人相符，请在名单中选择。</translation>
    </message>
    <message>
      <source>✓ {name} present</source>
      <translation>✓ {name} 已出席</translation>
    </message>
  </context>
  <context>
    <name>SignUpImportDialog</name>
    <message>
      <source>Import sign-ups from Excel — {title}</source>
      <translation>从表格导入报名 — {title}</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <source>An Excel list with a name or ID number column</source>
      <translation>含“姓名”或“身份证号”列的报名表格</translation>
    </message>
    <message>
      <source>Choose file…</source>
      <translation>选择文件…</translation>
    </message>
    <message>
      <source>From the list’s item column</source>
      <translation>按名单中的项目列</translation>
    </message>
    <message>
      <source>Check the list</source>
      <translation>检查名单</translation>
    </message>
    <message>
      <source>Excel, WPS (.et), CSV and Unicode text (.txt) files can be read.</source>
      <translation>支持 Excel、WPS（.et）、CSV 和 Unicode 文本（.txt）文件。</translation>
    </message>
    <message>
      <source>Columns read: 姓名 or 身份证号 (needed), 项目 and 部门 (optional). Nothing is written until you press Import.</source>
      <translation>读取的列：姓名或身份证号（必需），项目和部门（可选）。按“导入”之前不会写入任何数据。</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Choose the sign-up list</source>
      <translation>选择报名名单</translation>
    </message>
    <message>
      <source>Checking the list</source>
      <translation>正在检查名单</translation>
    </message>
    <message>
      <source>Not imported (fix the list and check again):</source>
      <translation>未导入（请修改名单后重新检查）：</translation>
    </message>
    <message>
      <source>Already on the list or repeated:</source>
      <translation>已报名或重复：</translation>
    </message>
    <message>
      <source>To be signed up:</source>
      <translation>将报名：</translation>
    </message>
    <message>
      <source>Importing sign-ups</source>
      <translation>正在导入报名</translation>
    </message>
    <message>
      <source>Import cancelled; nothing was written.</source>
      <translation>已取消导入，未写入任何数据。</translation>
    </message>
    <message>
      <source>Imported: {summary}</source>
      <translation>已导入：{summary}</translation>
    </message>
  </context>
  <context>
    <name>SignUpsPage</name>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>State</source>
      <translation>报名状态</translation>
    </message>
    <message>
      <source>Waiting no.</source>
      <translation>候补位次</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>队伍</translation>
    </message>
    <message>
      <source>Checked in</source>
      <translation>已签到</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>名次</translation>
    </message>
    <message>
      <source>Award</source>
      <translation>奖项</translation>
    </message>
    <message>
      <source>Signed up at</source>
      <translation>报名时间</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Add a member: name or pinyin initials</source>
      <translation>添加会员：姓名或拼音首字母</translation>
    </message>
    <message>
      <source>Sign up</source>
      <translation>报名</translation>
    </message>
    <message>
      <source>Sign up by filter…</source>
      <translation>按条件报名…</translation>
    </message>
    <message>
      <source>Cancel sign-up…</source>
      <translation>取消报名…</translation>
    </message>
    <message>
      <source>Rank and award…</source>
      <translation>名次与奖项…</translation>
    </message>
    <message>
      <source>no limit</source>
      <translation>不限</translation>
    </message>
    <message>
      <source>Signed up {signed} / places {places}, waiting {waiting}</source>
      <translation>已报名 {signed} / 名额 {places}，候补 {waiting}</translation>
    </message>
    <message>
      <source>Choose a member from the list first.</source>
      <translation>请先从列表中选择会员。</translation>
    </message>
    <message>
      <source>{signed} signed up, {waiting} on the waiting list, {skipped} skipped.</source>
      <translation>报名 {signed} 人，候补 {waiting} 人，跳过 {skipped} 人。</translation>
    </message>
    <message>
      <source>Skipped:</source>
      <translation>已跳过：</translation>
    </message>
    <message>
      <source>On the waiting list:</source>
      <translation>候补名单：</translation>
    </message>
    <message>
      <source>Cancel sign-up</source>
      <translation>取消报名</translation>
    </message>
    <message>
      <source>Cancel the sign-up of {name} for “{item}”?
Reason (may be left blank):</source>
      <translation>取消 {name} 的“{item}”报名吗？
原因（可不填）：</translation>
    </message>
    <message>
      <source>The sign-up of {name} is cancelled.</source>
      <translation>{name} 的报名已取消。</translation>
    </message>
    <message>
      <source>{name} moves up from the waiting list and is signed up.</source>
      <translation>{name} 从候补名单递补，已报名。</translation>
    </message>
  </context>
  <context>
    <name>StaffForm</name>
    <message>
      <source>Edit non-member staff</source>
      <translation>修改非会员教职工</translation>
    </message>
    <message>
      <source>New non-member staff</source>
      <translation>新增非会员教职工</translation>
    </message>
    <message>
      <source>Staff who are not union members, counted for the membership rate. When one joins, use Join… on the list: a member is made from the record.</source>
      <translation>尚未入会的教职工，计入入会率。入会时请在名单上点“入会…”，由此记录生成会员档案。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Birth date</source>
      <translation>出生日期</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>联系电话</translation>
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
      <source>Employment type</source>
      <translation>用工形式</translation>
    </message>
    <message>
      <source>Start date</source>
      <translation>入职日期</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>StaffLeaveForm</name>
    <message>
      <source>Staff leaves or retires</source>
      <translation>离职 / 退休</translation>
    </message>
    <message>
      <source>From this day the person is no longer counted for the membership rate. Choose 在职 to put them back.</source>
      <translation>自该日起不再计入入会率。选“在职”可恢复。</translation>
    </message>
    <message>
      <source>Staff</source>
      <translation>教职工</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
  </context>
  <context>
    <name>StatsPage</name>
    <message>
      <source> (year)</source>
      <translation>年</translation>
    </message>
    <message>
      <source>Calendar year</source>
      <translation>全年（1月—12月）</translation>
    </message>
    <message>
      <source>School year (Sep–Aug)</source>
      <translation>学年（9月—次年8月）</translation>
    </message>
    <message>
      <source>Spring term (Feb–Jul)</source>
      <translation>春季学期（2月—7月）</translation>
    </message>
    <message>
      <source>Autumn term (Sep–Jan)</source>
      <translation>秋季学期（9月—次年1月）</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Export PDF report</source>
      <translation>导出PDF报告</translation>
    </message>
    <message>
      <source>Export Excel</source>
      <translation>导出Excel</translation>
    </message>
    <message>
      <source>Statistics for</source>
      <translation>统计期间</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>Copy the paragraph to paste it into a work summary</source>
      <translation>复制这段文字，粘贴到工作总结中</translation>
    </message>
    <message>
      <source>Key figures (ready to quote in a work summary)</source>
      <translation>主要数据（可直接用于工作总结）</translation>
    </message>
    <message>
      <source>Spent</source>
      <translation>支出</translation>
    </message>
    <message>
      <source>Union funds</source>
      <translation>经费收支概况</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Amount (yuan)</source>
      <translation>金额（元）</translation>
    </message>
    <message>
      <source>Spending by category</source>
      <translation>支出按科目</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>科目</translation>
    </message>
    <message>
      <source>Budget (yuan)</source>
      <translation>预算（元）</translation>
    </message>
    <message>
      <source>Execution</source>
      <translation>执行率</translation>
    </message>
    <message>
      <source>Spent (yuan)</source>
      <translation>支出（元）</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>Visit type</source>
      <translation>慰问类别</translation>
    </message>
    <message>
      <source>Visits per month by type (visits)</source>
      <translation>走访慰问人次（按月、按类别）</translation>
    </message>
    <message>
      <source>Visit cash per month by type (yuan)</source>
      <translation>慰问金金额（元，按月、按类别）</translation>
    </message>
    <message>
      <source>{count} visits to {people} members; {voided} voided record(s) not counted.</source>
      <translation>共 {count} 人次、{people} 人；作废的记录（{voided} 条）不计。</translation>
    </message>
    <message>
      <source>Cash {cash} yuan; goods worth {goods} yuan besides.</source>
      <translation>慰问金合计 {cash} 元；另有慰问品折合 {goods} 元。</translation>
    </message>
    <message>
      <source>Month {m}</source>
      <translation>{m}月</translation>
    </message>
    <message>
      <source>Counting…</source>
      <translation>正在统计…</translation>
    </message>
    <message>
      <source>Statistics</source>
      <translation>年度统计</translation>
    </message>
    <message>
      <source>{first} to {last}; members as of {as_of}</source>
      <translation>{first} 至 {last}；会员数据截至 {as_of}</translation>
    </message>
    <message>
      <source>No figures in this period.</source>
      <translation>本期没有数据。</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Writing {name}…</source>
      <translation>正在写入 {name}…</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Signed up</source>
      <translation>报名人数</translation>
    </message>
    <message>
      <source>Checked in</source>
      <translation>签到人数</translation>
    </message>
    <message>
      <source>Activity</source>
      <translation>活动</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Waiting</source>
      <translation>候补</translation>
    </message>
    <message>
      <source>Eligible</source>
      <translation>应参与人数</translation>
    </message>
    <message>
      <source>Participation</source>
      <translation>参与率</translation>
    </message>
    <message>
      <source>Activities: sign-ups, check-ins and participation</source>
      <translation>活动报名、签到与参与率</translation>
    </message>
    <message>
      <source>Total ({n}; average participation)</source>
      <translation>合计（{n} 项，参与率为平均值）</translation>
    </message>
    <message>
      <source>{held} activities held, {cancelled} cancelled (not counted). Participation = checked in (signed up before the day) / eligible members.</source>
      <translation>开展活动 {held} 项，取消 {cancelled} 项（不计）。参与率＝签到人数（未结束的活动按报名人数）÷应参与人数。</translation>
    </message>
    <message>
      <source>The chart shows the first {n}.</source>
      <translation>图中列出前 {n} 项。</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>现金</translation>
    </message>
    <message>
      <source>Goods value</source>
      <translation>物品折价</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>帮扶类别</translation>
    </message>
    <message>
      <source>Times</source>
      <translation>次数</translation>
    </message>
    <message>
      <source>Households</source>
      <translation>户数</translation>
    </message>
    <message>
      <source>Cash (yuan)</source>
      <translation>现金（元）</translation>
    </message>
    <message>
      <source>Goods value (yuan)</source>
      <translation>物品折价（元）</translation>
    </message>
    <message>
      <source>Total (yuan)</source>
      <translation>合计（元）</translation>
    </message>
    <message>
      <source>Hardship assistance by kind</source>
      <translation>困难职工帮扶（按帮扶类别）</translation>
    </message>
    <message>
      <source>{open} hardship files open, {helped} of them helped in the period (help rate {rate}); {opened} opened.</source>
      <translation>在档困难职工 {open} 户，本期帮扶其中 {helped} 户（帮扶率 {rate}）；本期新建档 {opened} 户。</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>人数</translation>
    </message>
    <message>
      <source>Share</source>
      <translation>占比</translation>
    </message>
    <message>
      <source>Delegates</source>
      <translation>人数</translation>
    </message>
    <message>
      <source>Session</source>
      <translation>会议</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>应到</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>出席</translation>
    </message>
    <message>
      <source>On leave</source>
      <translation>请假</translation>
    </message>
    <message>
      <source>Quorum</source>
      <translation>法定人数</translation>
    </message>
    <message>
      <source>Quorum met</source>
      <translation>达到法定人数</translation>
    </message>
    <message>
      <source>Person evaluated (post)</source>
      <translation>被评议人（职务）</translation>
    </message>
    <message>
      <source>Valid ballots</source>
      <translation>有效票</translation>
    </message>
    <message>
      <source>Excellent</source>
      <translation>优秀</translation>
    </message>
    <message>
      <source>Competent</source>
      <translation>称职</translation>
    </message>
    <message>
      <source>Basically competent</source>
      <translation>基本称职</translation>
    </message>
    <message>
      <source>Incompetent</source>
      <translation>不称职</translation>
    </message>
    <message>
      <source>Excellent rate</source>
      <translation>优秀率</translation>
    </message>
    <message>
      <source>Satisfied rate</source>
      <translation>满意率</translation>
    </message>
    <message>
      <source>Staff congress sessions</source>
      <translation>教代会会议</translation>
    </message>
    <message>
      <source>Delegates by category</source>
      <translation>教代会代表构成</translation>
    </message>
    <message>
      <source>Delegate category</source>
      <translation>代表类别</translation>
    </message>
    <message>
      <source>Proposals</source>
      <translation>件数</translation>
    </message>
    <message>
      <source>Proposals by state</source>
      <translation>提案办理情况（按状态）</translation>
    </message>
    <message>
      <source>Democratic evaluation</source>
      <translation>民主评议</translation>
    </message>
    <message>
      <source>Average</source>
      <translation>平均</translation>
    </message>
    <message>
      <source>Quorum = {ratio} of the delegates expected (rounded up).</source>
      <translation>法定人数＝应到代表的{ratio}（向上取整）。</translation>
    </message>
    <message>
      <source>{term}: {n} delegates in their seat, {women} of them women ({share}).</source>
      <translation>{term}代表在任 {n} 人，其中女代表 {women} 人（{share}）。</translation>
    </message>
    <message>
      <source>{n} proposals ({void} voided, not counted as received); satisfaction {rate} of {opinions} with the proposer's opinion; {overdue} overdue.</source>
      <translation>提案共 {n} 件（作废 {void} 件，不计入收到件数）；已反馈意见的 {opinions} 件中满意率 {rate}；逾期未答复 {overdue} 件。</translation>
    </message>
    <message>
      <source>Excellent rate = excellent / valid ballots; satisfied rate = (excellent + competent) / valid ballots.</source>
      <translation>优秀率＝优秀票÷有效票；满意率＝（优秀＋称职）÷有效票。</translation>
    </message>
    <message>
      <source>Members by status</source>
      <translation>会员状态</translation>
    </message>
    <message>
      <source>Total (including {left} who left)</source>
      <translation>合计（含离会{left}人）</translation>
    </message>
    <message>
      <source>Members by sex</source>
      <translation>会员性别</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Members by age band</source>
      <translation>会员年龄段</translation>
    </message>
    <message>
      <source>Age band</source>
      <translation>年龄段</translation>
    </message>
    <message>
      <source>Other departments</source>
      <translation>其他部门</translation>
    </message>
    <message>
      <source>Members by department</source>
      <translation>会员部门分布</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Changes in the period</source>
      <translation>本期会员变动</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>变动</translation>
    </message>
    <message>
      <source>Members are those in service or retired: {n}.</source>
      <translation>会员指在职和退休会员，共 {n} 人。</translation>
    </message>
    <message>
      <source>The chart shows the {n} largest departments.</source>
      <translation>图中列出人数最多的 {n} 个部门。</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>计划项数</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Completion</source>
      <translation>完成率</translation>
    </message>
    <message>
      <source>Plan completion per month</source>
      <translation>工作计划完成情况（按月）</translation>
    </message>
    <message>
      <source>Completion = done / (planned − cancelled).</source>
      <translation>完成率＝已完成÷（计划项数－已取消）。</translation>
    </message>
    <message>
      <source>Honours</source>
      <translation>人次</translation>
    </message>
    <message>
      <source>Honours by level</source>
      <translation>获表彰人次（按级别）</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>级别</translation>
    </message>
    <message>
      <source>Meetings held</source>
      <translation>会议召开情况</translation>
    </message>
    <message>
      <source>Meeting kind</source>
      <translation>会议类别</translation>
    </message>
    <message>
      <source>Held</source>
      <translation>召开次数</translation>
    </message>
    <message>
      <source>Minimum</source>
      <translation>最少应开</translation>
    </message>
    <message>
      <source>Periods short</source>
      <translation>不足的时段</translation>
    </message>
    <message>
      <source>Decisions, letters and suggestions</source>
      <translation>决定事项、来信来访与合理化建议</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>件数</translation>
    </message>
    <message>
      <source>Done (answered, adopted)</source>
      <translation>已办结（答复、采纳）</translation>
    </message>
    <message>
      <source>Rate</source>
      <translation>办结率</translation>
    </message>
    <message>
      <source>Too few meetings: {text}</source>
      <translation>会议次数不足：{text}</translation>
    </message>
    <message>
      <source>Membership rate</source>
      <translation>入会率</translation>
    </message>
    <message>
      <source>Members in service</source>
      <translation>在职会员</translation>
    </message>
    <message>
      <source>Staff not in the union</source>
      <translation>非会员教职工</translation>
    </message>
    <message>
      <source>Membership rate by department</source>
      <translation>入会率（按部门）</translation>
    </message>
    <message>
      <source>Membership changes</source>
      <translation>会籍变动</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人数</translation>
    </message>
    <message>
      <source>Dues</source>
      <translation>会费收缴</translation>
    </message>
    <message>
      <source>Figure</source>
      <translation>数值</translation>
    </message>
  </context>
  <context>
    <name>StatusDialog</name>
    <message>
      <source>Change status: {name}</source>
      <translation>变更状态：{name}</translation>
    </message>
    <message>
      <source>{status} (since {date})</source>
      <translation>{status}（{date} 起）</translation>
    </message>
    <message>
      <source>e.g. retired on reaching the age</source>
      <translation>如：到龄退休</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>Current status</source>
      <translation>当前状态</translation>
    </message>
    <message>
      <source>New status</source>
      <translation>新状态</translation>
    </message>
    <message>
      <source>Date of change</source>
      <translation>变动日期</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>确定变更</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>SuggestionForm</name>
    <message>
      <source>Edit suggestion</source>
      <translation>编辑合理化建议</translation>
    </message>
    <message>
      <source>New suggestion</source>
      <translation>新增合理化建议</translation>
    </message>
    <message>
      <source>(no campaign)</source>
      <translation>（不属于征集活动）</translation>
    </message>
    <message>
      <source>A member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>Someone else or several people</source>
      <translation>其他人或多人</translation>
    </message>
    <message>
      <source>Names, e.g. several teachers of a group</source>
      <translation>姓名，如：数学组 张三、李四</translation>
    </message>
    <message>
      <source>What came of it</source>
      <translation>采纳及实施情况</translation>
    </message>
    <message>
      <source>Campaign</source>
      <translation>征集活动</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>提出日期</translation>
    </message>
    <message>
      <source>Proposer</source>
      <translation>建议人</translation>
    </message>
    <message>
      <source>Suggestion</source>
      <translation>建议名称</translation>
    </message>
    <message>
      <source>Content</source>
      <translation>建议内容</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Adopted</source>
      <translation>采纳情况</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
  </context>
  <context>
    <name>SuggestionsPage</name>
    <message>
      <source>Campaign</source>
      <translation>征集活动</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>End</source>
      <translation>截止</translation>
    </message>
    <message>
      <source>Suggestions</source>
      <translation>建议数</translation>
    </message>
    <message>
      <source>New campaign…</source>
      <translation>新建征集…</translation>
    </message>
    <message>
      <source>Edit campaign…</source>
      <translation>编辑征集…</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Proposer</source>
      <translation>建议人</translation>
    </message>
    <message>
      <source>Suggestion</source>
      <translation>建议名称</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Adopted</source>
      <translation>采纳情况</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Search title, content, proposer</source>
      <translation>搜索名称、内容、建议人</translation>
    </message>
    <message>
      <source>New suggestion…</source>
      <translation>新增建议…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>All suggestions of {year}</source>
      <translation>{year}年全部建议</translation>
    </message>
    <message numerus="yes">
      <source>%n suggestion(s)</source>
      <translation>
        <numerusform>共 %n 条建议</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>, %n adopted</source>
      <translation>
        <numerusform>，采纳 %n 条</numerusform>
      </translation>
    </message>
    <message>
      <source>Result: {text}</source>
      <translation>结果：{text}</translation>
    </message>
    <message>
      <source>Delete the suggestion “{title}”?</source>
      <translation>删除建议“{title}”？</translation>
    </message>
  </context>
  <context>
    <name>SummaryPage</name>
    <message>
      <source>Category</source>
      <translation>科目</translation>
    </message>
    <message>
      <source>Budget</source>
      <translation>预算</translation>
    </message>
    <message>
      <source>Income</source>
      <translation>收入</translation>
    </message>
    <message>
      <source>Spending</source>
      <translation>支出</translation>
    </message>
    <message>
      <source>Execution</source>
      <translation>执行率</translation>
    </message>
    <message>
      <source>Re-post by the current settings</source>
      <translation>按当前设置重新记账</translation>
    </message>
    <message>
      <source>Print income and spending summary</source>
      <translation>打印收支汇总表</translation>
    </message>
    <message>
      <source>Print final account</source>
      <translation>打印决算</translation>
    </message>
    <message>
      <source>Print funds audit report</source>
      <translation>打印经费审查报告</translation>
    </message>
    <message>
      <source>Opening {opening} · income {income} · spending {spending} · closing {closing} (yuan)</source>
      <translation>期初结余 {opening} · 本期收入 {income} · 本期支出 {spending} · 期末结余 {closing}（元）</translation>
    </message>
    <message>
      <source>Posted from records: {list}</source>
      <translation>其中自动记入：{list}</translation>
    </message>
    <message>
      <source>Nothing posted from visits, assistance or activities in this period.</source>
      <translation>本期没有由走访慰问、帮扶或活动记入的收支。</translation>
    </message>
    <message>
      <source>Over budget: {list}</source>
      <translation>超预算科目：{list}</translation>
    </message>
    <message>
      <source>Total income</source>
      <translation>收入合计</translation>
    </message>
    <message>
      <source>Total spending</source>
      <translation>支出合计</translation>
    </message>
    <message>
      <source>Re-post</source>
      <translation>重新记账</translation>
    </message>
    <message>
      <source>{n} record(s) had their postings brought in line.</source>
      <translation>已调整 {n} 条记录的记账。</translation>
    </message>
  </context>
  <context>
    <name>TaskRunner</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
  </context>
  <context>
    <name>TeamDialog</name>
    <message>
      <source>New team — {item}</source>
      <translation>新建队伍 — {item}</translation>
    </message>
    <message>
      <source>e.g. Chinese department team</source>
      <translation>如：语文组队</translation>
    </message>
    <message>
      <source>Add to the team</source>
      <translation>加入队伍</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Team members</source>
      <translation>队员</translation>
    </message>
    <message>
      <source>Signed up, not in a team (double-click to add)</source>
      <translation>已报名但未入队（双击加入）</translation>
    </message>
    <message>
      <source>Team name</source>
      <translation>队名</translation>
    </message>
    <message>
      <source>Add a member</source>
      <translation>添加会员</translation>
    </message>
    <message>
      <source>Save team</source>
      <translation>保存队伍</translation>
    </message>
    <message>
      <source>Add at least one member to the team.</source>
      <translation>队伍中请至少添加一名队员。</translation>
    </message>
  </context>
  <context>
    <name>TeamsPage</name>
    <message>
      <source>Team</source>
      <translation>队伍</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>人数</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>名次</translation>
    </message>
    <message>
      <source>Award</source>
      <translation>奖项</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>队员</translation>
    </message>
    <message>
      <source>New team…</source>
      <translation>新建队伍…</translation>
    </message>
    <message>
      <source>Rank and award…</source>
      <translation>名次与奖项…</translation>
    </message>
    <message>
      <source>“{item}” is not a team item.</source>
      <translation>“{item}”不是以队报名的项目。</translation>
    </message>
    <message>
      <source>{count} team(s)</source>
      <translation>共 {count} 队</translation>
    </message>
  </context>
  <context>
    <name>TemplateDialog</name>
    <message>
      <source>Plan template</source>
      <translation>工作计划模板</translation>
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
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Changing the template only affects plans generated later; items already in a plan stay as they are.</source>
      <translation>修改模板只影响以后生成的计划；已在计划中的事项保持不变。</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>新增…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Stop / resume using</source>
      <translation>停用 / 启用</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>School holidays…</source>
      <translation>寒暑假…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Delete the rule “{title}” from the template?
Items already generated from it stay in their plans.</source>
      <translation>从模板中删除规则“{title}”？
已按此规则生成的计划项仍保留在计划中。</translation>
    </message>
  </context>
  <context>
    <name>TermForm</name>
    <message>
      <source>Edit term</source>
      <translation>编辑届次</translation>
    </message>
    <message>
      <source>New term</source>
      <translation>新建届次</translation>
    </message>
    <message>
      <source>No. </source>
      <translation>第 </translation>
    </message>
    <message>
      <source> (term)</source>
      <translation> 届</translation>
    </message>
    <message>
      <source>Term number</source>
      <translation>届次</translation>
    </message>
    <message>
      <source>Start date</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>Ends on</source>
      <translation>结束于</translation>
    </message>
    <message>
      <source>End date</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
  </context>
  <context>
    <name>VisitActions</name>
    <message>
      <source>Void a visit</source>
      <translation>作废走访记录</translation>
    </message>
    <message>
      <source>Void slip {serial} ({name}, {type}, {cash} yuan).
Reason (required):</source>
      <translation>作废记录单 {serial}（{name}，{type}，{cash} 元）。
作废原因（必填）：</translation>
    </message>
  </context>
  <context>
    <name>VisitForm</name>
    <message>
      <source>{relation} {name} (died {date})</source>
      <translation>{relation} {name}（{date} 去世）</translation>
    </message>
    <message>
      <source>Edit visit {serial}</source>
      <translation>编辑走访记录 {serial}</translation>
    </message>
    <message>
      <source>New visit</source>
      <translation>新增走访</translation>
    </message>
    <message>
      <source>Choose a visit type</source>
      <translation>请选择慰问类别</translation>
    </message>
    <message>
      <source>e.g. in hospital after an operation</source>
      <translation>如：手术住院</translation>
    </message>
    <message>
      <source>Union chair, committee members, school leaders</source>
      <translation>工会主席、工会委员、学校领导</translation>
    </message>
    <message>
      <source>e.g. fruit, milk</source>
      <translation>如：水果、牛奶</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>Visit type</source>
      <translation>慰问类别</translation>
    </message>
    <message>
      <source>Deceased relative</source>
      <translation>去世亲属</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>事由</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>走访人员</translation>
    </message>
    <message>
      <source>Cash (yuan)</source>
      <translation>慰问金（元）</translation>
    </message>
    <message>
      <source>Value (yuan)</source>
      <translation>价值（元）</translation>
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
      <source>Follow-up</source>
      <translation>后续跟进</translation>
    </message>
    <message>
      <source>Reason over the standard</source>
      <translation>超标准原因</translation>
    </message>
    <message>
      <source>Save and print…</source>
      <translation>保存并打印…</translation>
    </message>
    <message>
      <source>Save the visit, then preview and print its slip</source>
      <translation>保存这条记录，然后预览并打印记录单</translation>
    </message>
    <message>
      <source>Choose the relative</source>
      <translation>请选择亲属</translation>
    </message>
    <message>
      <source>Slip {serial} was printed on {when}: its amount, member, type and date are fixed. To change them, void it and issue a new one.</source>
      <translation>记录单 {serial} 已于 {when} 打印：金额、对象、类别和日期不能再改。如需更改，请作废后重新登记。</translation>
    </message>
    <message>
      <source>standard {amount}</source>
      <translation>标准 {amount} 元</translation>
    </message>
    <message>
      <source>at most {amount} a visit</source>
      <translation>每次上限 {amount} 元</translation>
    </message>
    <message>
      <source>at most {amount} a year</source>
      <translation>每人每年上限 {amount} 元</translation>
    </message>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <source>Printed slip</source>
      <translation>记录单已打印</translation>
    </message>
    <message>
      <source>Void slip {serial} and issue a corrected one now?</source>
      <translation>现在作废记录单 {serial} 并按修改后的内容重新登记吗？</translation>
    </message>
    <message>
      <source>Void and reissue</source>
      <translation>作废重开</translation>
    </message>
    <message>
      <source>Why is slip {serial} voided?</source>
      <translation>记录单 {serial} 的作废原因：</translation>
    </message>
  </context>
  <context>
    <name>VisitTypesDialog</name>
    <message>
      <source>Visit types and standards</source>
      <translation>慰问类别与标准</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Group</source>
      <translation>分组</translation>
    </message>
    <message>
      <source>Standard</source>
      <translation>标准</translation>
    </message>
    <message>
      <source>Cap per visit</source>
      <translation>每次上限</translation>
    </message>
    <message>
      <source>Cap per member a year</source>
      <translation>每人每年上限</translation>
    </message>
    <message>
      <source>Relative</source>
      <translation>需选亲属</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>no cap</source>
      <translation>不限</translation>
    </message>
    <message>
      <source>A relative must be chosen (condolence on a death)</source>
      <translation>须选择亲属（亲属去世吊唁）</translation>
    </message>
    <message>
      <source>In use (untick to retire the type)</source>
      <translation>启用（取消勾选即停用该类别）</translation>
    </message>
    <message>
      <source>Save type</source>
      <translation>保存类别</translation>
    </message>
    <message>
      <source>New type</source>
      <translation>新增类别</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类别设置</translation>
    </message>
    <message>
      <source>Standard amount (yuan)</source>
      <translation>标准金额（元）</translation>
    </message>
    <message>
      <source>Cap per visit (yuan)</source>
      <translation>每次上限（元）</translation>
    </message>
    <message>
      <source>Cap per member a year (yuan)</source>
      <translation>每人每年上限（元）</translation>
    </message>
    <message>
      <source>Amounts over a cap are allowed with a written reason. Types are never deleted.</source>
      <translation>超过上限须填写原因后方可发放。类别只能停用，不能删除。</translation>
    </message>
    <message>
      <source>Save the changes to this type first?</source>
      <translation>先保存对该类别的修改吗？</translation>
    </message>
  </context>
  <context>
    <name>VisitsPage</name>
    <message>
      <source>Voided</source>
      <translation>已作废</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>已打印</translation>
    </message>
    <message>
      <source>Serial</source>
      <translation>记录单号</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>事由</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>慰问金</translation>
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
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Search name, pinyin, type or serial</source>
      <translation>搜索姓名、拼音、类别或记录单号</translation>
    </message>
    <message>
      <source> (year)</source>
      <translation> 年</translation>
    </message>
    <message>
      <source>Whole year</source>
      <translation>全年</translation>
    </message>
    <message>
      <source>Month {month}</source>
      <translation>{month} 月</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>All fund sources</source>
      <translation>全部经费来源</translation>
    </message>
    <message>
      <source>Show voided</source>
      <translation>显示已作废</translation>
    </message>
    <message>
      <source>New visit</source>
      <translation>新增走访</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Void</source>
      <translation>作废</translation>
    </message>
    <message>
      <source>Void and reissue</source>
      <translation>作废重开</translation>
    </message>
    <message>
      <source>Batch send warmth</source>
      <translation>批量送温暖</translation>
    </message>
    <message>
      <source>All types</source>
      <translation>全部类别</translation>
    </message>
    <message numerus="yes">
      <source>%n record(s), {voided} voided</source>
      <translation>
        <numerusform>共 %n 条，作废 {voided}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n record(s)</source>
      <translation>
        <numerusform>共 %n 条</numerusform>
      </translation>
    </message>
    <message>
      <source>Total: {count} visit(s), {amount} yuan</source>
      <translation>合计：{count} 人次，{amount} 元</translation>
    </message>
    <message>
      <source>{count} visit(s) saved, {amount} yuan in all, serials {first} to {last}.</source>
      <translation>已登记 {count} 人次，共 {amount} 元，记录单号 {first} 至 {last}。</translation>
    </message>
    <message>
      <source>Print slips</source>
      <translation>打印记录单</translation>
    </message>
    <message>
      <source>One slip per page for the selected visits</source>
      <translation>为选中的走访记录打印记录单，每页一张</translation>
    </message>
    <message>
      <source>Print sign-off sheet</source>
      <translation>打印签收表</translation>
    </message>
    <message>
      <source>For the selected visits, or for the whole list when one or none is selected</source>
      <translation>选中多条时打印所选记录，否则打印当前列表中的全部记录</translation>
    </message>
    <message>
      <source>Select the visits to print first.</source>
      <translation>请先选择要打印的走访记录。</translation>
    </message>
    <message>
      <source>Visit slips {serial}</source>
      <translation>走访慰问记录单_{serial}</translation>
    </message>
    <message>
      <source>Sign-off sheet {what}</source>
      <translation>慰问金发放签收表_{what}</translation>
    </message>
    <message>
      <source>{year}, month {month}</source>
      <translation>{year}年{month}月</translation>
    </message>
    <message>
      <source>Year {year}</source>
      <translation>{year}年度</translation>
    </message>
    <message>
      <source>({text})</source>
      <translation>（{text}）</translation>
    </message>
    <message>
      <source>Print the slips and the sign-off sheet of this batch now?</source>
      <translation>现在打印这一批的记录单和签收表吗？</translation>
    </message>
  </context>
  <context>
    <name>VoidEventForm</name>
    <message>
      <source>Void a membership change</source>
      <translation>作废会籍变动</translation>
    </message>
    <message>
      <source>A voided change stays in the history, crossed out; the member's status follows the changes left.</source>
      <translation>作废的变动仍留在记录中（划线显示），会员状态按其余变动确定。</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>变动</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>作废原因</translation>
    </message>
    <message>
      <source>Void</source>
      <translation>作废</translation>
    </message>
  </context>
  <context>
    <name>VoidPaymentForm</name>
    <message>
      <source>Void a dues payment</source>
      <translation>作废缴费</translation>
    </message>
    <message>
      <source>The payment stays on file marked void; the funds book posts the reversal.</source>
      <translation>缴费记录保留并标为作废，经费账自动冲销。</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>会员</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>缴费记录</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>作废原因</translation>
    </message>
    <message>
      <source>Void</source>
      <translation>作废</translation>
    </message>
    <message>
      <source>Choose the payment to void.</source>
      <translation>请选择要作废的缴费记录。</translation>
    </message>
  </context>
  <context>
    <name>YearTabs</name>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>All years</source>
      <translation>全部年度</translation>
    </message>
  </context>
  <context>
    <name>_Form</name>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
  </context>
  <context>
    <name>parent</name>
    <message>
      <source>Unexpected error: {error}</source>
      <translation>出现意外错误：{error}</translation>
    </message>
  </context>
  <context>
    <name>self.preview_model</name>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
  </context>
</TS>