"""The date pattern's start guard, derived from it by `text.patterns.start_guard`, and what each of its branches can
start with (`text.patterns.branch_starts`), stored so that runs need not derive them. Written by
`factcheck.recognizers.dates.write_guard()`; a test checks that they are current."""

BODY_SHA256 = '31a6666ee8cd89664dd142a23c395edfebad1742b9a3a1787e37c821aa4322bf'
GUARD = (
    "(?=['0123456789\\d]|a(?:\\s+(?:c(?:o(?:mi|up))|d(?:a(?:y(?:\\s+|s))|eca)|f(?:ew\\s+|ort)|last|mont|next|"
    'p(?:ast|rev)|upco|week|year)|n(?:\\s+(?:com|d(?:ay|ec)|for|las|mon|nex|p(?:as|re)|upc|wee|yea))|p(?:r'
    '(?:\\s+(?:be|e(?:i|l)|f(?:i|o)|in|la|n(?:e|i)|of|s(?:e|i)|t(?:e|h|i|o|w)|un|(?![a-z]))|bet|e(?:ig|le)'
    '|f(?:i(?:f|r)|ou)|i(?:l(?:\\s+|b|e|f|n|s|t|u|(?![a-z])))|nin|s(?:e(?:c|v)|ix)|t(?:en|h(?:e|i|r)|il|o('
    '?:\\s+|a|d|f|j|m|n|o|s)|w(?:e|o))|unt|(?![a-z])))|rmist|t(?:\\s+(?:beg|e(?:ar|nd)|lat|mid|sta|the))|u('
    '?:g(?:\\s+(?:be|e(?:i|l)|f(?:i|o)|in|la|n(?:e|i)|of|s(?:e|i)|t(?:e|h|i|o|w)|un|(?![a-z]))|bet|e(?:ig|'
    'le)|f(?:i(?:f|r)|ou)|nin|s(?:e(?:c|v)|ix)|t(?:en|h(?:e|i|r)|il|o(?:\\s+|a|d|f|j|m|n|o|s)|w(?:e|o))|u('
    '?:nt|st)|(?![a-z]))))|b(?:astil|e(?:ginn|twee)|lack\\s+|oxing|y(?:\\s+(?:a(?:pr|ug)|dec|eig|feb|j(?:an'
    '|u(?:l|n))|m(?:a(?:r|y))|n(?:in|ov)|oct|s(?:e(?:p|v)|ix)|t(?:w(?:e|o)))))|c(?:hrist|o(?:ming|uple)|u'
    'rren)|d(?:e(?:c(?:\\s+(?:be|e(?:i|l)|f(?:i|o)|in|la|n(?:e|i)|of|s(?:e|i)|t(?:e|h|i|o|w)|un|(?![a-z]))'
    '|bet|e(?:ig|le|mb)|f(?:i(?:f|r)|ou)|nin|s(?:e(?:c|v)|ix)|t(?:en|h(?:e|i|r)|il|o(?:\\s+|a|d|f|j|m|n|o|'
    's)|w(?:e|o))|unt|(?![a-z]))))|e(?:a(?:r(?:l(?:ie|y(?:\\s+|(?![a-z])))|th\\s+)|ster)|i(?:g(?:h(?:t(?:\\s'
    '+|e|h))))|leven|n(?:d(?:\\s+(?:a(?:p|u)|c(?:o|u)|de|ei|fe|j(?:a|u)|la|m(?:a|o)|n(?:e|i|o)|o(?:c|f)|pr'
    '|s(?:e|i)|t(?:h|w)|we|ye|(?![a-z]))|(?![a-z]))))|f(?:ather|e(?:b(?:\\s+(?:be|e(?:i|l)|f(?:i|o)|in|la|'
    'n(?:e|i)|of|s(?:e|i)|t(?:e|h|i|o|w)|un|(?![a-z]))|bet|e(?:ig|le)|f(?:i(?:f|r)|ou)|nin|rua|s(?:e(?:c|'
    'v)|ix)|t(?:en|h(?:e|i|r)|il|o(?:\\s+|a|d|f|j|m|n|o|s)|w(?:e|o))|unt|(?![a-z]))|w(?:\\s+(?:co|d(?:a|e)|'
    'fo|la|mo|ne|p(?:a|r)|up|we|ye)))|i(?:f(?:t(?:ee|h(?:\\s+|t|u|(?![a-z]))))|n(?:a(?:l(?:\\s+|(?![a-z])))'
    ')|r(?:s(?:t(?:\\s+|t|u|(?![a-z]))))|scal|v(?:e(?:\\s+(?:c|d|f|l|m|n|p|u|w|y))))|o(?:llow|u(?:r(?:\\s+(?'
    ':c|d|f|l|m|n|p|u|w|y)|t(?:e|h))))|r(?:i(?:\\s+(?:e(?:i|l)|f(?:i|o)|ni|s(?:e|i)|t(?:e|h|w)|(?![a-z]))|'
    'day|(?![a-z]))|o(?:m(?:\\s+(?:a|d|e|f|j|m|n|o|s|t|(?![a-z])))))|y(?:\\s+(?![a-z])|(?![a-z])))|good\\s+f'
    '|h(?:allow|(?![a-z]))|i(?:n(?:\\s+(?:a(?:\\s+(?:c|d|f|m|w|y)|n\\s+|pr|ug)|cou|dec|e(?:ig|le)|f(?:e(?:b|'
    'w)|iv|ou)|j(?:an|u(?:l|n))|m(?:a(?:r|y))|n(?:in|ov)|o(?:ct|ne)|s(?:e(?:p|v)|ix)|t(?:en|hr|w(?:e|o))|'
    '(?![a-z]))|depe|tern))|j(?:a(?:n(?:\\s+(?:be|e(?:i|l)|f(?:i|o)|in|la|n(?:e|i)|of|s(?:e|i)|t(?:e|h|i|o'
    '|w)|un|(?![a-z]))|bet|e(?:ig|le)|f(?:i(?:f|r)|ou)|nin|s(?:e(?:c|v)|ix)|t(?:en|h(?:e|i|r)|il|o(?:\\s+|'
    'a|d|f|j|m|n|o|s)|w(?:e|o))|u(?:ar|nt)|(?![a-z])))|u(?:l(?:\\s+(?:be|e(?:i|l)|f(?:i|o)|in|la|n(?:e|i)|'
    'of|s(?:e|i)|t(?:e|h|i|o|w)|un|(?![a-z]))|bet|e(?:ig|le)|f(?:i(?:f|r)|ou)|nin|s(?:e(?:c|v)|ix)|t(?:en'
    '|h(?:e|i|r)|il|o(?:\\s+|a|d|f|j|m|n|o|s)|w(?:e|o))|unt|y(?:\\s+(?:b|e|f|i|l|n|o|s|t|u|(?![a-z]))|be|e('
    '?:i|l)|f(?:i|o)|ni|s(?:e|i)|t(?:e|h|i|o|w)|un|(?![a-z]))|(?![a-z]))|n(?:\\s+(?:be|e(?:i|l)|f(?:i|o)|i'
    'n|la|n(?:e|i)|of|s(?:e|i)|t(?:e|h|i|o|w)|un|(?![a-z]))|bet|e(?:\\s+(?:b|e|f|i|l|n|o|s|t|u|(?![a-z]))|'
    'be|e(?:i|l)|f(?:i|o)|ig|le|ni|s(?:e|i)|t(?:e|h|i|o|w)|un|(?![a-z]))|f(?:i(?:f|r)|ou)|nin|s(?:e(?:c|v'
    ')|ix)|t(?:en|h(?:e|i|r)|il|o(?:\\s+|a|d|f|j|m|n|o|s)|w(?:e|o))|unt|(?![a-z]))))|l(?:a(?:bor\\s+|s(?:t('
    '?:\\s+(?:a|b|c|d|e|f|g|h|i|j|l|m|n|o|q|s|t|v|w|y|(?![a-z]))|(?![a-z])))|t(?:e(?:\\s+(?:a|c|d|e|f|j|l|m'
    '|n|o|p|s|t|w|y|(?![a-z]))|r\\s+|(?![a-z])))))|m(?:a(?:r(?:\\s+(?:be|e(?:i|l)|f(?:i|o)|in|la|n(?:e|i)|o'
    'f|s(?:e|i)|t(?:e|h|i|o|w)|un|(?![a-z]))|bet|c(?:h(?:\\s+|b|e|f|n|s|t|u|(?![a-z])))|e(?:ig|le)|f(?:i(?'
    ':f|r)|ou)|nin|s(?:e(?:c|v)|ix)|t(?:en|h(?:e|i|r)|il|o(?:\\s+|a|d|f|j|m|n|o|s)|w(?:e|o))|unt|(?![a-z])'
    ')|y(?:\\s+(?:be|da|e(?:i|l)|f(?:i|o)|in|la|n(?:e|i)|of|s(?:e|i)|t(?:e|h|i|o|w)|un|(?![a-z]))|bet|e(?:'
    'ig|le)|f(?:i(?:f|r)|ou)|nin|s(?:e(?:c|v)|ix)|t(?:en|h(?:e|i|r)|il|o(?:\\s+|a|d|f|j|m|n|o|s)|w(?:e|o))'
    '|unt|(?![a-z])))|emori|i(?:d(?:\\s+(?:a(?:p|u)|c(?:o|u)|de|ei|fe|j(?:a|u)|la|m(?:a|o)|n(?:e|i|o)|o(?:'
    'c|f)|pr|s(?:e|i)|t(?:h|w)|we|ye|(?![a-z]))|dle|(?![a-z])))|o(?:n(?:\\s+(?:e(?:i|l)|f(?:i|o)|ni|s(?:e|'
    'i)|t(?:e|h|w)|(?![a-z]))|day|(?![a-z]))|ther))|n(?:e(?:w\\s+ye|x(?:t(?:\\s+(?:a|b|c|d|e|f|g|h|i|j|l|m|'
    'n|o|q|s|t|v|w|y|(?![a-z])))))|i(?:n(?:e(?:\\s+(?:c|d|f|l|m|n|p|u|w|y)|te)|t(?:h(?:\\s+|t|u|(?![a-z])))'
    '))|o(?:v(?:\\s+(?:be|e(?:i|l)|f(?:i|o)|in|la|n(?:e|i)|of|s(?:e|i)|t(?:e|h|i|o|w)|un|(?![a-z]))|bet|e('
    '?:ig|le|mb)|f(?:i(?:f|r)|ou)|nin|s(?:e(?:c|v)|ix)|t(?:en|h(?:e|i|r)|il|o(?:\\s+|a|d|f|j|m|n|o|s)|w(?:'
    'e|o))|unt|(?![a-z]))))|o(?:c(?:t(?:\\s+(?:be|e(?:i|l)|f(?:i|o)|in|la|n(?:e|i)|of|s(?:e|i)|t(?:e|h|i|o'
    '|w)|un|(?![a-z]))|bet|e(?:ig|le)|f(?:i(?:f|r)|ou)|nin|obe|s(?:e(?:c|v)|ix)|t(?:en|h(?:e|i|r)|il|o(?:'
    '\\s+|a|d|f|j|m|n|o|s)|w(?:e|o))|unt|(?![a-z])))|f(?:\\s+(?:eig|nin|s(?:ev|ix)|t(?:w(?:e|o))))|n(?:\\s+('
    '?:fri|mon|s(?:at|un)|t(?:h(?:e|u)|ue)|w(?:e(?:d|e))|(?![a-z]))|e(?:\\s+(?:co|d(?:a|e)|fo|la|mo|ne|p(?'
    ':a|r)|up|we|ye))))|p(?:a(?:s(?:t(?:\\s+(?:a|c|d|e|f|m|n|o|q|s|t|w|y|(?![a-z])))))|revio)|q(?![a-z])|r'
    '(?:e(?:main|st\\s+o))|s(?:a(?:int\\s+|t(?:\\s+(?:e(?:i|l)|f(?:i|o)|ni|s(?:e|i)|t(?:e|h|w)|(?![a-z]))|ur'
    'd|(?![a-z])))|e(?:cond|p(?:\\s+(?:be|e(?:i|l)|f(?:i|o)|in|la|n(?:e|i)|of|s(?:e|i)|t(?:e|h|i|o|w)|un|('
    '?![a-z]))|bet|e(?:ig|le)|f(?:i(?:f|r)|ou)|nin|s(?:e(?:c|v)|ix)|t(?:\\s+(?:b|e|f|i|l|n|o|s|t|u|(?![a-z'
    ']))|be|e(?:i|l|m|n)|f(?:i|o)|h(?:e|i|r)|il|ni|o(?:\\s+|a|d|f|j|m|n|o|s)|s(?:e|i)|t(?:e|h|i|o|w)|un|w('
    '?:e|o)|(?![a-z]))|unt|(?![a-z]))|v(?:e(?:n(?:\\s+|t)|ra)))|i(?:nce\\s+|x(?:\\s+(?:co|d(?:a|e)|fo|la|mo|'
    'ne|p(?:a|r)|up|we|ye)|t(?:ee|h(?:\\s+|t|u|(?![a-z])))))|t(?:\\s+pat|a(?:r(?:t(?:\\s+|(?![a-z]))))|(?![a'
    '-z]))|u(?:n(?:\\s+(?:e(?:i|l)|f(?:i|o)|ni|s(?:e|i)|t(?:e|h|w)|(?![a-z]))|day|(?![a-z]))))|t(?:e(?:n(?'
    ':\\s+(?:co|d(?:a|e)|fo|la|mo|ne|p(?:a|r)|up|we|ye)|t(?:h(?:\\s+|t|u|(?![a-z])))))|h(?:a(?:nks|t\\s+w)|e'
    '(?:\\s+(?:a(?:\\s+|n)|be|co|da|e(?:a|i|l|n)|f(?:e|i|o)|la|m(?:i|o)|n(?:e|i|o)|on|p(?:a|r)|re|s(?:e|i|t'
    ')|t(?:e|h|w)|up|we|ye|(?![a-z])))|i(?:r(?:d(?:\\s+|t|u|(?![a-z]))|t(?:e|i|y))|s(?:\\s+(?:a|b|c|d|e|f|g'
    '|h|i|j|l|m|n|o|p|q|s|t|u|v|w|y|(?![a-z]))))|r(?:ee\\s+|oug)|u(?:\\s+(?:e(?:i|l)|f(?:i|o)|ni|s(?:e|i)|t'
    '(?:e|h|w)|(?![a-z]))|r(?:\\s+(?:e|f|n|s|t|(?![a-z]))|s(?:\\s+|d|(?![a-z]))|(?![a-z]))|(?![a-z])))|o(?:'
    'day(?![a-z])|morr)|u(?:e(?:\\s+(?:e(?:i|l)|f(?:i|o)|ni|s(?:e|i)|t(?:e|h|w)|(?![a-z]))|s(?:\\s+(?:e|f|n'
    '|s|t|(?![a-z]))|da|(?![a-z]))|(?![a-z])))|w(?:e(?:l(?:ft|ve)|n(?:t(?:i|y)))|o(?:\\s+(?:co|d(?:a|e)|fo'
    '|la|mo|ne|p(?:a|r)|up|we|ye))))|u(?:ntil\\s+|pcomi)|v(?:alent|etera)|w(?:e(?:d(?:\\s+(?:e(?:i|l)|f(?:i'
    '|o)|ni|s(?:e|i)|t(?:e|h|w)|(?![a-z]))|nes|(?![a-z]))|e(?:k(?:\\s+(?:b|c|o|s))))|ithin)|y(?:e(?:a(?:r('
    '?:\\s+(?:e|n|s|t)|(?![a-z])))|ster)|td(?![a-z])))'
)
STARTS = [
    'from|betwee|0 1 2 3 4 5 6 7 8 9',
    'apr april aprto aug augto dec decto feb febto from jan janto jul julto july jun june junto mar march'
    ' marto may mayto nov novto oct octto sep sept septo|aprilt aprilu aprthr aprtil aprtoa aprtod aprtof'
    ' aprtoj aprtom aprton aprtoo aprtos aprunt augthr augtil augtoa augtod augtof augtoj augtom augton a'
    'ugtoo augtos augunt august betwee decemb decthr dectil dectoa dectod dectof dectoj dectom decton dec'
    'too dectos decunt februa febthr febtil febtoa febtod febtof febtoj febtom febton febtoo febtos febun'
    't janthr jantil jantoa jantod jantof jantoj jantom janton jantoo jantos januar janunt julthr jultil '
    'jultoa jultod jultof jultoj jultom julton jultoo jultos julunt julyth julyti julyto julyun juneth ju'
    'neti juneto juneun junthr juntil juntoa juntod juntof juntoj juntom junton juntoo juntos jununt marc'
    'ht marchu marthr martil martoa martod martof martoj martom marton martoo martos marunt maythr maytil'
    ' maytoa maytod maytof maytoj maytom mayton maytoo maytos mayunt novemb novthr novtil novtoa novtod n'
    'ovtof novtoj novtom novton novtoo novtos novunt octobe octthr octtil octtoa octtod octtof octtoj oct'
    'tom octton octtoo octtos octunt septem septhr septil septoa septod septof septoj septom septon septo'
    'o septos septth septti septto septun sepunt|',
    'a an eight few five four nine one seven six ten three two|couple eleven severa twelve|\\d',
    '||1 2',
    '||0 1 \\d',
    '||1 2',
    '||1 2',
    'apr april aug by dec feb in jan jul july jun june mar march may nov oct of sep sept since until year'
    '|august decemb februa januar novemb octobe septem|0 1 2 3 4 5 6 7 8 9',
    'fifth first from ninth sixth tenth the third|betwee eighte eighth eleven fiftee fiftht fifthu firstt'
    ' firstu fourte fourth ninete nintht ninthu second sevent sixtee sixtht sixthu tentht tenthu thirdt t'
    'hirdu thirte thirti thirty twelft twenti twenty|0 1 2 3 4 5 6 7 8 9',
    'from|betwee|',
    'apr april aug dec feb jan jul july jun june mar march may nov oct sep sept|aprbet apreig aprele aprf'
    'if aprfir aprfou aprilb aprile aprilf apriln aprils aprilt aprnin aprsec aprsev aprsix aprten aprthe'
    ' aprthi aprtwe augbet augeig augele augfif augfir augfou augnin augsec augsev augsix augten augthe a'
    'ugthi augtwe august decbet deceig decele decemb decfif decfir decfou decnin decsec decsev decsix dec'
    'ten decthe decthi dectwe febbet febeig febele febfif febfir febfou febnin februa febsec febsev febsi'
    'x febten febthe febthi febtwe janbet janeig janele janfif janfir janfou jannin jansec jansev jansix '
    'janten janthe janthi jantwe januar julbet juleig julele julfif julfir julfou julnin julsec julsev ju'
    'lsix julten julthe julthi jultwe julybe julyei julyel julyfi julyfo julyni julyse julysi julyte july'
    'th julytw junbet junebe juneei juneel junefi junefo juneig junele juneni junese junesi junete juneth'
    ' junetw junfif junfir junfou junnin junsec junsev junsix junten junthe junthi juntwe marbet marchb m'
    'arche marchf marchn marchs marcht mareig marele marfif marfir marfou marnin marsec marsev marsix mar'
    'ten marthe marthi martwe maybet mayeig mayele mayfif mayfir mayfou maynin maysec maysev maysix mayte'
    'n maythe maythi maytwe novbet noveig novele novemb novfif novfir novfou novnin novsec novsev novsix '
    'novten novthe novthi novtwe octbet octeig octele octfif octfir octfou octnin octobe octsec octsev oc'
    'tsix octten octthe octthi octtwe sepbet sepeig sepele sepfif sepfir sepfou sepnin sepsec sepsev seps'
    'ix septbe septei septel septem septen septfi septfo septhe septhi septni septse septsi septte septth'
    ' septtw septwe|',
    'next on this|friday monday saturd sunday thursd tuesda wednes|',
    'fri mon sat sun thu thur thurs tue tues wed|friday monday saturd sunday thursd tuesda wednes|',
    'fifth first ninth sixth tenth the third|eighte eighth eleven fiftee fourte fourth ninete second seve'
    'nt sixtee thirte thirti thirty twelft twenti twenty|0 1 2 3 4 5 6 7 8 9',
    'apr april aug dec feb jan jul july jun june mar march may nov oct sep sept|august decemb februa janu'
    'ar novemb octobe septem|',
    'apr april aug dec feb jan jul july jun june mar march may nov oct sep sept|august decemb februa janu'
    'ar novemb octobe septem|',
    '||0 1 2 3 \\d',
    'apr april aug dec feb jan jul july jun june mar march may nov oct sep sept|apreig aprile apriln apri'
    'ls aprilt aprnin aprsev aprsix aprtwe aprtwo augeig augnin augsev augsix augtwe augtwo august deceig'
    ' decemb decnin decsev decsix dectwe dectwo febeig febnin februa febsev febsix febtwe febtwo janeig j'
    'annin jansev jansix jantwe jantwo januar juleig julnin julsev julsix jultwe jultwo julyei julyni jul'
    'yse julysi julytw juneei juneig juneni junese junesi junetw junnin junsev junsix juntwe juntwo march'
    'e marchn marchs marcht mareig marnin marsev marsix martwe martwo mayeig maynin maysev maysix maytwe '
    'maytwo noveig novemb novnin novsev novsix novtwe novtwo octeig octnin octobe octsev octsix octtwe oc'
    'ttwo sepeig sepnin sepsev sepsix septei septem septni septse septsi septtw septwe septwo|',
    'apr april aug dec feb jan jul july jun june mar march may nov oct sep sept|august decemb februa janu'
    'ar novemb octobe septem|',
    '||1 2',
    '|betwee|',
    'black earth good labor last may new next saint st this|armist bastil boxing christ coming easter fat'
    'her follow hallow indepe intern junete memori mother previo thanks valent vetera|',
    'final first last the||',
    'the year ytd||',
    'the||\\d',
    "the||' 1 2 3 4 5 6 7 8 9",
    'the||',
    'in|within|',
    'a an eight few five four last next nine one past seven six ten the three two|coming couple eleven pr'
    'evio severa twelve upcomi within|\\d',
    'the week||',
    'first last the third|fourth second|1 2 3 4',
    'last next this|friday monday previo saturd sunday thursd tuesda wednes|',
    'last next past this|coming follow friday monday previo saturd sunday thursd tuesda upcomi wednes|',
    'the||',
    'on||',
    'later|earlie|',
    'q||1 2 3 4',
    'final first last the third|fourth second|1 2 3 4',
    'first the|second|1 2',
    'h||1 2',
    '||0 1 2 3 4 5 6 7 8 9',
    'fy|fiscal|',
    '||1 2',
    'at early end late mid start the|beginn middle|',
    'last later next past this|coming curren earlie follow previo upcomi|',
    'the||',
    'last next on past that the this|coming|',
    'last next this|coming previo|',
    'rest the|remain|',
    'a an eight few five four nine one seven six ten three two|couple eleven severa twelve|\\d',
    'today|tomorr yester|',
    'by early from in last late mid next since this until|throug|',
    'april july june march may|august decemb februa januar novemb octobe septem|',
    '||1 2',
]
