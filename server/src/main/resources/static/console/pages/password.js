// 修改密码: a worker changes their own console password (required after a platform admin set it).
import { ref } from 'vue';
import { post, session, saveSession } from '../api.js';
import { AlertBox } from '../ui.js';

export default {
  components: { AlertBox },
  setup() {
    const current = ref(''), next = ref(''), again = ref(''), error = ref(null), ok = ref('');
    async function save() {
      error.value = null; ok.value = '';
      if (next.value !== again.value) { error.value = { message: '两次输入的新密码不一致' }; return; }
      try {
        await post('/auth/console/password', { currentPassword: current.value, newPassword: next.value });
        session.mustChangePassword = false; saveSession();
        ok.value = '密码已修改'; current.value = next.value = again.value = '';
      } catch (e) { error.value = e; }
    }
    return { current, next, again, error, ok, save, session };
  },
  template: `<div class="card" style="max-width:480px">
    <div v-if="session.mustChangePassword" class="alert info">首次登录请先设置您自己的密码。</div>
    <alert-box :error="error" :ok="ok" />
    <form @submit.prevent="save">
      <div class="form-row"><span>当前密码</span><input type="password" v-model="current" data-test="current-password" required></div>
      <div class="form-row"><span>新密码（10–64 位，含字母和数字）</span><input type="password" v-model="next" data-test="new-password" required></div>
      <div class="form-row"><span>再次输入新密码</span><input type="password" v-model="again" data-test="new-password-again" required></div>
      <button class="btn primary" data-test="save-password">保存</button>
    </form></div>`,
};
