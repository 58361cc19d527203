// 人员与角色: find people, see and change their roles, disable/enable, and (platform) set a worker's console login.
import { ref, reactive, onMounted } from 'vue';
import { get, post, put, hasRole } from '../api.js';
import { AlertBox, Pager, label, fmtTime, LABELS } from '../ui.js';

export default {
  components: { AlertBox, Pager },
  setup() {
    const q = ref(''), data = ref({ items: [], total: 0, page: 1, size: 20 }), error = ref(null), ok = ref('');
    const current = ref(null), grant = reactive({ role: 'STAFF', scopeId: '' }), login = reactive({ loginName: '', password: '' });
    async function search(page = 1) {
      error.value = null;
      try { data.value = await get('/admin/users', { q: q.value, page, size: 20 }); } catch (e) { error.value = e; }
    }
    async function open(p) {
      current.value = { ...p, roles: (await get(`/admin/users/${p.id}/roles`)).roles };
      login.loginName = ''; login.password = ''; ok.value = '';
    }
    async function act(fn, message) {
      error.value = null; ok.value = '';
      try { await fn(); ok.value = message; await open(current.value); } catch (e) { error.value = e; }
    }
    onMounted(() => search());
    return { q, data, error, ok, current, grant, login, search, open, label, fmtTime, LABELS, platform: hasRole('PLATFORM'),
      grantRole: () => act(() => post(`/admin/users/${current.value.id}/roles`, { role: grant.role, scopeId: Number(grant.scopeId || 0) }), '已授予角色'),
      revoke: g => act(() => post(`/admin/users/${current.value.id}/roles/revoke`, { role: g.role, scopeId: g.scopeId }), '已撤销角色'),
      disable: () => act(() => post(`/admin/users/${current.value.id}/disable`), '账号已停用'),
      enable: () => act(() => post(`/admin/users/${current.value.id}/enable`), '账号已启用'),
      setLogin: () => act(() => put(`/admin/users/${current.value.id}/console-login`, { ...login }), '已设置工作台登录名和初始密码') };
  },
  template: `<div class="grid cols-2">
    <div class="card"><form class="toolbar" @submit.prevent="search(1)"><input v-model.trim="q" placeholder="昵称或手机尾号" data-test="people-q">
        <button class="btn primary">查询</button></form>
      <table class="table" data-test="people"><thead><tr><th>编号</th><th>姓名/昵称</th><th>社区</th><th>手机</th><th></th></tr></thead>
        <tbody><tr v-for="p in data.items" :key="p.id"><td>{{ p.id }}</td><td>{{ p.registeredName || p.nickname || '—' }}</td>
          <td>{{ p.communityName || '—' }}</td><td>{{ p.phone || '—' }}</td><td><a @click="open(p)">详情</a></td></tr>
          <tr v-if="!data.items.length"><td colspan="5" class="empty">没有找到</td></tr></tbody></table>
      <pager :page="data.page" :size="data.size" :total="data.total" @go="search" /></div>
    <div class="card" v-if="current"><h3>{{ current.registeredName || current.nickname || ('用户 #' + current.id) }}</h3>
      <alert-box :error="error" :ok="ok" />
      <p><span v-for="g in current.roles" :key="g.role + g.scopeId" class="tag">{{ label('role', g.role) }}<template v-if="g.scopeId"> #{{ g.scopeId }}</template>
        <a v-if="g.role !== 'RESIDENT'" @click="revoke(g)" title="撤销"> ×</a></span></p>
      <div class="toolbar"><select v-model="grant.role"><option v-for="r in ['STAFF', 'ADMIN', 'VOLUNTEER', 'GRID_HEAD', 'STREET_ADMIN', 'DISTRICT_ADMIN', 'DEPARTMENT']" :key="r" :value="r">{{ label('role', r) }}</option></select>
        <input v-model="grant.scopeId" placeholder="范围编号（站点/社区/网格…）" style="width:190px"><button class="btn" @click="grantRole">授予</button></div>
      <div class="toolbar"><button class="btn danger" @click="disable">停用账号</button><button class="btn" @click="enable">启用账号</button></div>
      <template v-if="platform"><h3 style="margin-top:16px">工作台登录（平台管理员）</h3>
        <div class="toolbar"><input v-model.trim="login.loginName" placeholder="登录名" data-test="set-login-name">
          <input v-model="login.password" type="password" placeholder="初始密码（10 位以上，含字母和数字）" data-test="set-login-password" style="width:260px">
          <button class="btn primary" @click="setLogin">设置</button></div>
        <p class="muted">仅对工作人员（站点、社区、网格、单位、部门、街道、区、平台）有效；居民和骑手只用微信登录。</p></template>
    </div></div>`,
};
