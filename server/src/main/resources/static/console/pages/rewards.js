// 积分兑换与领取: the community's rewards (withdraw, reinstate, restock) and redemptions waiting for pickup (核销).
import { ref, watch, reactive } from 'vue';
import { get, post, hasRole } from '../api.js';
import { AlertBox, CommunityPicker, Pager, label, fmtTime } from '../ui.js';

export default {
  components: { AlertBox, CommunityPicker, Pager },
  setup() {
    const communityId = ref(null), rewards = ref({ items: [], total: 0, page: 1, size: 20 });
    const pickups = ref({ items: [], total: 0, page: 1, size: 20 }), status = ref('PENDING');
    const error = ref(null), ok = ref(''), restock = reactive({}), code = ref('');
    async function load() {
      error.value = null;
      try {
        rewards.value = await get('/admin/rewards', { communityId: communityId.value, size: 50 });
        await loadPickups(1);
      } catch (e) { error.value = e; }
    }
    async function loadPickups(page) {
      pickups.value = await get('/admin/redemptions', { communityId: communityId.value, status: status.value, page, size: 20 });
    }
    async function act(fn, message) {
      error.value = null; ok.value = '';
      try { await fn(); ok.value = message; await load(); } catch (e) { error.value = e; }
    }
    watch(communityId, load);
    watch(status, () => loadPickups(1));
    return { communityId, rewards, pickups, status, error, ok, restock, code, label, fmtTime, loadPickups,
      staff: hasRole('STAFF'),
      withdraw: r => act(() => post(`/admin/rewards/${r.id}/withdraw`), `「${r.name}」已下架`),
      reinstate: r => act(() => post(`/admin/rewards/${r.id}/reinstate`), `「${r.name}」已上架`),
      addStock: r => act(() => post(`/admin/rewards/${r.id}/restock`, { quantity: Number(restock[r.id] || 0) }), `「${r.name}」已补货`),
      redeem: () => act(() => post('/staff/redemptions/redeem', { code: code.value }), '核销成功') };
  },
  template: `<div>
    <div class="card"><div class="toolbar"><h3 style="margin:0">兑换品</h3><span style="flex:1"></span><community-picker v-model="communityId" /></div>
      <alert-box :error="error" :ok="ok" />
      <table class="table" data-test="rewards"><thead><tr><th>名称</th><th>类型</th><th>积分</th><th>库存</th><th>状态</th><th style="width:300px">操作</th></tr></thead>
        <tbody><tr v-for="r in rewards.items" :key="r.id"><td>{{ r.name }}</td><td>{{ label('reward', r.kind) }}</td><td>{{ r.pointsPrice }}</td>
          <td>{{ r.stock }}</td><td><span class="tag" :class="r.status === 'ACTIVE' ? 'success' : 'info'">{{ label('reward', r.status) }}</span></td>
          <td><input v-model="restock[r.id]" type="number" min="1" placeholder="数量" style="width:70px">
            <button class="btn small" @click="addStock(r)">补货</button>
            <button v-if="r.status === 'ACTIVE'" class="btn small danger" @click="withdraw(r)">下架</button>
            <button v-else class="btn small success" @click="reinstate(r)">上架</button></td></tr>
          <tr v-if="!rewards.items.length"><td colspan="6" class="empty">暂无兑换品</td></tr></tbody></table></div>
    <div class="card"><div class="toolbar"><h3 style="margin:0">兑换记录</h3>
        <select v-model="status"><option v-for="s in ['PENDING', 'REDEEMED', 'CANCELLED', 'EXPIRED']" :key="s" :value="s">{{ label('redemption', s) }}</option></select>
        <span style="flex:1"></span>
        <template v-if="staff"><input v-model.trim="code" placeholder="领取码（站点工作人员核销）"><button class="btn primary" @click="redeem">核销</button></template></div>
      <table class="table" data-test="pickups"><thead><tr><th>兑换品</th><th>数量</th><th>积分</th><th>领取人</th><th>站点</th><th>领取期限</th><th>状态</th></tr></thead>
        <tbody><tr v-for="p in pickups.items" :key="p.id"><td>{{ p.rewardName }}</td><td>{{ p.quantity }}</td><td>{{ p.points }}</td>
          <td>{{ p.holder && (p.holder.nickname || p.holder.phone) }}</td><td>{{ p.station && p.station.name }}</td>
          <td>{{ fmtTime(p.collectBy) }}</td><td>{{ label('redemption', p.status) }}</td></tr>
          <tr v-if="!pickups.items.length"><td colspan="7" class="empty">暂无记录</td></tr></tbody></table>
      <pager :page="pickups.page" :size="pickups.size" :total="pickups.total" @go="loadPickups" /></div></div>`,
};
