import { useI18n } from 'vue-i18n';
import { SecretSchema } from '../../../../shared/auth/schemas';
import { secretWeakness } from '../../../../shared/auth/secret-strength';
import { useLocalized } from '../../composables/useLocalized';

/**
 * What is wrong with a secret being set, in the screen's language ('' when fine): the length
 * rule first, then the services' own weakness rule (shared/auth/secret-strength.ts), so a weak
 * secret is refused beside its field before anything is sent.
 */
export function useSecretRule(): (secret: string, staffNo?: string) => string {
  const { t } = useI18n();
  const { isZh } = useLocalized();
  return (secret, staffNo) => {
    if (!SecretSchema.safeParse(secret).success) return t('auth.secretRule');
    const weak = secretWeakness(secret, staffNo);
    if (!weak) return '';
    return isZh.value ? `密码${weak.zh}` : `The password or PIN ${weak.en}`;
  };
}
