/** The library connects to the backup EventRestoreConnection's UserData names, in each form it claims. */
import { ALL_FORMS, USER_DATA_FORMS, type UserDataForm } from '../forms.js';
import { violation } from '../../model/failure.js';
import type { LibraryScenario } from '../scenario.js';
import { wireIn } from '../context.js';
import { quote, S } from '../sentences.js';
import { required } from './steps.js';

function forForm(form: UserDataForm): LibraryScenario {
  return {
    id: `library/backup-reference/${form}`,
    title: `the library connects to the backup that UserData names as ${USER_DATA_FORMS[form].describe}`,
    reference: quote(S.userDataReference, S.userDataConnect),
    sentence: S.userDataConnect,
    level: 'must',
    form,
    async run(ctx) {
      // B's address is given nowhere but in A's UserData.
      await ctx.open({ backup: false });
      const what = `the library to connect to B and send RequestRegisterClient (B is named only by UserData, ${USER_DATA_FORMS[form].describe})`;
      const register = await required(ctx.waitWire(wireIn('B', 'RequestRegisterClient'), what, quote(S.userDataReference, S.userDataConnect), 0, ctx.startupMs), {
        message: `the library never connected to the backup that UserData names (${USER_DATA_FORMS[form].describe})`,
        expected: `RequestRegisterClient at B, ${ctx.pair.name('B')}`,
        sentence: quote(S.userDataReference, S.userDataConnect),
      });
      if (register.kind !== 'frame') return;
      const m = register.message;
      if (m.ApplicationName !== ctx.applicationName) {
        throw violation('the library registered at the backup under another application name', `ApplicationName ${JSON.stringify(ctx.applicationName)}`, `ApplicationName ${JSON.stringify(m.ApplicationName)}`, undefined, quote(S.userDataReference, S.userDataConnect));
      }
      if (ctx.password !== undefined && m.ApplicationPassword !== ctx.password) {
        throw violation('the library registered at the backup without the application password', 'the ApplicationPassword the library was opened with', m.ApplicationPassword === undefined ? 'no ApplicationPassword' : 'another ApplicationPassword', undefined, quote(S.userDataReference, S.userDataConnect));
      }
    },
  };
}

export const BACKUP_REFERENCE_SCENARIOS: LibraryScenario[] = ALL_FORMS.map(forForm);
