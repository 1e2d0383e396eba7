/**
 * Given names and surnames common in the countries whose data Assay is most often run on (the US, the UK,
 * Western Europe, Latin America, India, China), chosen by hand for `person-name.ts`: a name list to
 * recognise, not to be complete. A value is taken for a person's name when it looks like one AND its first
 * word is a listed given name or its last word a listed surname (docs/privacy.md measures the recall).
 */
export const GIVEN_NAMES = new Set(
  `james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank
patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter
noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan
bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene
russell bobby mason philip louis liam oliver lucas leo hugo max felix oscar theo luca marco giovanni
francesco alessandro lorenzo matteo pierre jean louis antoine nicolas julien thomas hans jurgen klaus
stefan wolfgang lars jan piet sven erik carlos luis miguel javier pedro diego alejandro rafael fernando
raj rahul amit arjun vikram sanjay anil wei li ming jun hiroshi takashi kenji ahmed mohammed ali omar
hassan ibrahim yusuf mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy
betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie
rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce
virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha
gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber
doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori
ava mia chloe zoe lily ella sofia lucia giulia francesca chiara sophie camille manon claire ingrid astrid
greta anke petra carmen elena ana isabel paula priya anjali sunita deepa mei xin yan yuki aiko fatima
aisha layla noor`.split(/\s+/),
);

export const SURNAMES = new Set(
  `smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson
anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis
robinson walker young allen king wright scott torres nguyen hill flores green adams nelson baker hall
rivera campbell mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards collins reyes
stewart morris morales murphy cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard
ramos kim cox ward richardson watson brooks chavez wood james bennett gray mendoza ruiz hughes price
alvarez castillo sanders patel myers long ross foster jimenez powell jenkins perry russell sullivan bell
coleman butler henderson barnes gonzales fisher vasquez simmons romero jordan patterson alexander hamilton
graham reynolds griffin wallace moreno west cole hayes bryant herrera gibson ellis tran medina aguilar
stevens murray ford castro marshall owens harrison fernandez mcdonald woods washington kennedy wells vargas
henry chen freeman webb tucker guzman burns crawford olson simpson porter hunter gordon mendez silva shaw
snyder mason dixon munoz hunt hicks holmes palmer wagner black robertson boyd rose stone salazar fox warren
mills meyer rice schmidt garza daniels ferguson nichols stephens soto weaver ryan gardner payne grant
dunn kelley spencer hawkins arnold pierce vazquez hansen peters santos hart bradley knight elliott
cunningham duncan armstrong hudson carroll lane riley andrews alvarado ray delgado berry perkins hoffman
johnston matthews pena richards willis carpenter lawrence sandoval muller schneider fischer weber becker
schulz koch richter klein wolf neumann schwarz zimmermann braun hofmann hartmann krause werner lange
rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti dubois durand
leroy moreau simon laurent lefebvre michel bertrand roux vincent fournier morel girard andre mercier
janssen visser smit bakker meijer mulder bos vos dekker jansen devries sharma singh kumar gupta reddy
iyer nair rao wang zhang liu yang huang zhao wu zhou xu sun ma zhu hu guo lin he gao luo tanaka suzuki
watanabe ito yamamoto nakamura kobayashi sato ahmed khan hussain ali hassan ibrahim nielsen jensen
andersen pedersen larsen johansson karlsson nilsson eriksson larsson olsen novak horvat kowalski nowak
murphy obrien kelly byrne ryan walsh doyle`.split(/\s+/),
);
