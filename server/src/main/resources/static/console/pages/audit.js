// 操作日志: the audit log of the worker's communities, newest first, with filters.
import { ref, reactive, onMounted } from 'vue';
import { get } from '../api.js';
import { AlertBox, Pager, fmtTime } from '../ui.js';

export default {
  components: { AlertBox, Pager },
  setup() {
    const f = reactive({ action: '', targetType: '', actorId: '', from: '', to: '' });
    const data = ref({ items: [], total: 0, page: 1, size: 20 }), error = ref(null);
    async function load(page = 1) {
      error.value = null;
      try { data.value = await get('/admin/audit', { ...f, page, size: 20 }); } catch (e) { error.value = e; }
    }
    onMounted(() => load());
    return { f, data, error, load, fmtTime };
  },
  template: `<div class="card">
    <form class="toolbar" @submit.prevent="load(1)">
      <input v-model.trim="f.action" placeholder="操作（如 wish.approve）" data-test="audit-action"><input v-model.trim="f.targetType" placeholder="对象类型">
      <input v-model.trim="f.actorId" placeholder="操作人编号" style="width:110px">
      <label class="field">从 <input type="date" v-model="f.from"></label><label class="field">到 <input type="date" v-model="f.to"></label>
      <button class="btn primary" data-test="audit-search">查询</button></form>
    <alert-box :error="error" />
    <table class="table" data-test="audit"><thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>对象</th><th>社区</th><th>说明</th></tr></thead>
      <tbody><tr v-for="r in data.items" :key="r.id"><td>{{ fmtTime(r.at) }}</td><td>{{ r.actorName || ('#' + r.actorId) }}</td>
        <td class="mono">{{ r.action }}</td><td>{{ r.targetType }} #{{ r.targetId }}</td><td>{{ r.communityId || '—' }}</td><td>{{ r.detail || '' }}</td></tr>
        <tr v-if="!data.items.length"><td colspan="6" class="empty">暂无记录</td></tr></tbody></table>
    <pager :page="data.page" :size="data.size" :total="data.total" @go="load" /></div>`,
};
