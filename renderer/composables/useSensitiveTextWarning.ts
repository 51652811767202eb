/**
 * A warning, never a block, under free-text fields (事由, 请求, 事实, 理由)
 * when the text seems to hold an ID or phone number: those belong in the
 * masked fields, while free text is shown to every reader and printed.
 *
 * `useSensitiveTextWarning(() => form.subject)` gives the message (or null);
 * `<SensitiveTextWarning :text="form.subject" />` renders it as an el-alert
 * under the field, so a form needs one line per field.
 */
import { computed, defineComponent, h, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { ElAlert } from 'element-plus'
import { sensitiveTextWarning } from '../../shared/validation/sensitiveText'

export function useSensitiveTextWarning(text: MaybeRefOrGetter<string | null | undefined>): ComputedRef<string | null> {
  return computed(() => sensitiveTextWarning(toValue(text)))
}

export const SensitiveTextWarning = defineComponent({
  name: 'SensitiveTextWarning',
  props: { text: { type: String, default: '' } },
  setup(props) {
    const warning = useSensitiveTextWarning(() => props.text)
    return () =>
      warning.value
        ? h(ElAlert, {
            type: 'warning',
            title: warning.value,
            closable: false,
            showIcon: true,
            class: 'sensitive-text-warning',
            role: 'alert',
            // Under the field, the width of the field; the form item's error (if any) still shows below.
            style: { marginTop: '4px', padding: '4px 10px', width: '100%' },
          })
        : null
  },
})
