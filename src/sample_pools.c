/*
 * Built-in word lists for the sample generator: given names and surnames of
 * many cultures (ASCII, plus separate lists whose entries carry non-ASCII
 * letters so that the generator controls how often those appear), the
 * common names that produce namesakes, streets, cities with their region,
 * dialling area and postcode stem, nicknames, job titles and the word parts
 * company names are built from.
 *
 * Lists where frequency matters are ordered most common first; the generator
 * weights an entry by its rank, so "Smith" comes up far more often than the
 * names at the end. Company names are prefix + core + trade word, which gives
 * over 1.4 million distinct names before any number is appended.
 */
#include "sample.h"

static const char male[] =
	"James John Robert Michael William David Richard Joseph Thomas Charles "
	"Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua "
	"Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan "
	"Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon "
	"Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry "
	"Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle "
	"Ethan Walter Noah Jeremy Christian Keith Roger Terry Gerald Harold "
	"Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy "
	"Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah "
	"Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip Louis "
	"Carlos Luis Miguel Antonio Manuel Francisco Pedro Diego Alejandro Javier "
	"Ricardo Fernando Rafael Eduardo Sergio Mario Roberto Andres Hector Raul "
	"Ahmed Mohammed Ali Omar Hassan Yusuf Ibrahim Mustafa Karim Tariq "
	"Raj Rahul Amit Vikram Arjun Sanjay Ravi Anil Suresh Deepak Rohan "
	"Wei Jian Hao Jun Ming Lei Yong Tao Hiroshi Takashi Kenji Satoshi "
	"Daisuke Min-jun Ji-ho Seo-jun Hyun-woo Dmitri Sergei Ivan Alexei Nikolai "
	"Piotr Tomasz Jakub Krzysztof Marek Jan Lukas Felix Maximilian Jonas "
	"Leon Florian Tobias Stefan Matthias Andreas Klaus Hans Wolfgang Pierre "
	"Jean Nicolas Julien Antoine Mathieu Olivier Philippe Laurent Marco Luca "
	"Giuseppe Alessandro Matteo Lorenzo Giovanni Francesco Pietro Liam Oliver Harry "
	"Oscar Charlie Alfie Archie Freddie Connor Declan Ciaran Kwame Kofi "
	"Chinedu Oluwaseun Tunde Emeka Thabo Sipho Lars Erik Anders Nils "
	"Johan Magnus Kai Finn Theo Leo Hugo Max Marcus Victor "
	"Isaac Caleb Owen Luke Evan Ian Colin Grant Derek Trevor "
	"Shane Travis Cody Chad Brett Troy Dustin Malik Jamal Darnell "
	"DeShawn Andre Terrence Tyrone Xavier Dominic Mateo Santiago Emiliano Joaquin "
	"Minh Duc Tuan Quang Bao Huy Francis Theodore Frederick Leonard "
	"Stanley Mitchell Bradley Vincenzo Herbert Clarence Howard Curtis Marvin Glenn";

static const char female[] =
	"Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen "
	"Lisa Nancy Betty Sandra Margaret Ashley Kimberly Emily Donna Michelle "
	"Carol Amanda Melissa Deborah Stephanie Dorothy Rebecca Sharon Laura Cynthia "
	"Amy Kathleen Angela Shirley Brenda Emma Anna Pamela Nicole Samantha "
	"Katherine Christine Helen Debra Rachel Carolyn Janet Maria Catherine Heather "
	"Diane Olivia Julie Joyce Victoria Ruth Virginia Lauren Kelly Christina "
	"Joan Evelyn Judith Andrea Hannah Megan Cheryl Jacqueline Martha Madison "
	"Teresa Gloria Sara Janice Ann Kathryn Abigail Sophia Frances Jean "
	"Alice Judy Isabella Julia Grace Amber Denise Danielle Marilyn Beverly "
	"Charlotte Natalie Theresa Diana Brittany Doris Kayla Alexis Lori Marie "
	"Jasmine Tiffany Valerie Allison Eleanor Caroline Jillian Suzanne Penelope Gabrielle "
	"Madeline Josephine Veronica Cassandra Rosemary Priscilla Alexandra Sofia Camila Valentina "
	"Lucia Isabel Carmen Elena Paula Daniela Gabriela Mariana Fernanda Ana "
	"Rosa Guadalupe Ximena Fatima Aisha Layla Zainab Mariam Noor Yasmin "
	"Leila Priya Ananya Divya Pooja Sneha Kavya Neha Lakshmi Anjali "
	"Meera Mei Xiu Ying Jing Fang Yan Hui Lan Yuki "
	"Sakura Aiko Haruka Yui Ji-woo Seo-yeon Min-seo Eun-ji Olga Natalia "
	"Svetlana Irina Tatiana Anastasia Katarzyna Agnieszka Magdalena Joanna Monika Hanna "
	"Lena Leonie Sabine Petra Ursula Claudia Katrin Camille Manon Sophie "
	"Juliette Claire Nathalie Isabelle Giulia Francesca Chiara Alessia Martina Siobhan "
	"Aoife Niamh Ciara Sinead Amara Chiamaka Ngozi Adaeze Folake Zanele "
	"Thandiwe Ingrid Astrid Freya Sigrid Maja Elin Linnea Ava Mia "
	"Harper Ella Scarlett Chloe Zoey Lily Nora Hazel Aurora Stella "
	"Violet Ellie Lucy Ruby Ivy Maya Naomi Leah Audrey Kennedy "
	"Aaliyah Imani Keisha Tamika Latoya Ebony Shanice Destiny Cindy Tina";

static const char surnames[] =
	"Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez "
	"Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin "
	"Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson "
	"Walker Young Allen King Wright Scott Torres Nguyen Hill Flores "
	"Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts "
	"Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes "
	"Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper "
	"Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson "
	"Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes "
	"Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez "
	"Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes "
	"Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham "
	"Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson "
	"Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens "
	"Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen "
	"Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter "
	"Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks "
	"Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox "
	"Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens "
	"Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins "
	"Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley Knight Elliott "
	"Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray "
	"Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis "
	"Carpenter Lawrence Sandoval Guerrero George Chapman Rios Estrada Ortega Watkins "
	"Greene Nunez Wheeler Valdez Harper Burke Larson Santiago Maldonado Morrison "
	"Franklin Carlson Austin Dominguez Carr Lawson Jacobs O'Brien Lynch Singh "
	"Vega Bishop Montgomery Oliver Jensen Harvey Williamson Gilbert Dean Sims "
	"Espinoza Howell Li Wong Reid Hanson Le McCoy Garrett Burton "
	"Fuller Wang Weber Welch Rojas Lucas Marquez Fields Park Yang "
	"Little Banks Padilla Day Walsh Bowman Schultz Luna Fowler Mejia "
	"Davidson Acosta Brewer May Holland Juarez Newman Pearson Curtis Cortez "
	"Douglas Schneider Joseph Barrett Navarro Figueroa Keller Avila Wade Molina "
	"Stanley Hopkins Campos Barnett Bates Chambers Caldwell Beck Lambert Miranda "
	"Byrd Craig Ayala Lowe Frazier Powers Neal Leonard Gregory Carrillo "
	"Sutton Fleming Rhodes Shelton Schwartz Norris Jennings Watts Duran Walters "
	"Cohen McDaniel Moran Parks Steele Vaughn Becker Holt DeLeon Barker "
	"Terry Hale Leon Benson Haynes Horton Miles Lyons Pham "
	"Graves Bush Thornton Wolfe Warner Cabrera McKinney Mann Zimmerman Dawson "
	"Lara Fletcher Page McCarthy Love Robles Cervantes Solis Erickson Reeves "
	"Chang Klein Salinas Fuentes Baldwin Daniel Simon Velasquez Hardy Higgins "
	"Aguirre Lin Cummings Chandler Sharp Barber Bowen Ochoa Dennis Robbins "
	"Liu Ramsey Francis Griffith Paul Blair O'Connor Cardenas Pacheco Cross "
	"Calderon Quinn Moss Swanson Chan Rivas Khan Rodgers Serrano Fitzgerald "
	"Rosales Stevenson Christensen Manning Gill Curry McLaughlin Harmon McGee Gross "
	"Doyle Garner Newton Burgess Reese Walton Blake Trujillo Adkins Brady "
	"Goodman Roman Webster Goodwin Fischer Huang Potter Delacruz Montoya Todd "
	"Wu Hines Mullins Castaneda Malone Cannon Tate Mack Sherman Hubbard "
	"Hodges Zhang Guerra Wolf Valencia Saunders Franco Rowe Gallagher Farmer "
	"Hammond Hampton Townsend Ingram Wise Gallegos Clarke Barton Schroeder Maxwell "
	"Waters Logan Camacho Strickland Norman Person Colon Parsons Frank Harrington "
	"Glover Osborne Buchanan Casey Floyd Patton Ibarra Ball Tyler Suarez "
	"Bowers Orozco Salas Cobb Gibbs Andrade Bauer Conner Moody Escobar "
	"McGuire Lloyd Mueller Hartman French Kramer McBride Pope Lindsey Velazquez "
	"Norton McCormick Sparks Flynn Yates Hogan Marsh Macias Villanueva Zamora "
	"Pratt Stokes Owen Ballard Lang Brock Villarreal Charles Drake Barrera "
	"Cain Patrick Pineda Burnett Mercado Santana Shepherd Bautista Ali Shaffer "
	"Lamb Trevino McKenzie Hess Olsen Cochran Morton Nash Wilkins "
	"Petersen Briggs Shah Roth Nicholson Holloway Lozano Rangel Flowers Hoover "
	"Short Arias Mora Valenzuela Bryan Meyers Weiss Underwood Bass Greer "
	"Summers Houston Carson Morrow Clayton Whitaker Decker Yoder Collier Zuniga "
	"Carey Wilcox Melendez Poole Roberson Larsen Conley Davenport Copeland Massey "
	"Lam Huff Rocha Cameron Jefferson Hood Monroe Anthony Pittman Huynh "
	"Randall Singleton Kirk Combs Mathis Christian Skinner Bradford Richard Galvan "
	"Wall Boone Kirby Wilkinson Bridges Bruce Atkinson Velez Meza Roy "
	"Vincent York Hodge Villa Abbott Allison Tapia Gates Chase Sosa "
	"Sweeney Farrell Wyatt Dalton Horn Barron Phelps Yu Dickerson Heath "
	"Foley Atkins Mathews Bonilla Acevedo Benitez Zavala Hensley Glenn Cisneros "
	"Kumar Sharma Gupta Reddy Rao Iyer Nair Mehta Joshi Desai "
	"Deng Zhao Xu Sun Ma Zhu Hu Guo He Gao "
	"Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Sato Kato "
	"Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo "
	"Okafor Adeyemi Mensah Nwosu Okonkwo Balogun Diallo Traore Kamara Mbeki "
	"Kowalski Nowak Wisniewski Kaminski Lewandowski Zielinski Szymanski Wozniak Dabrowski Kozlowski "
	"Ivanov Petrov Smirnov Popov Volkov Sokolov Lebedev Kozlov Novikov Morozov "
	"Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco "
	"Dubois Lefebvre Moreau Laurent Fournier Girard Bonnet Dupont Mercier Fontaine "
	"Schmitz Koch Richter Krause Wolff Neumann Schwarz Braun Hofmann Hartmann "
	"Byrne O'Sullivan O'Neill Doherty Brennan Kavanagh Donnelly Fitzpatrick Nolan Keane "
	"MacLeod MacDonald Fraser Sinclair Munro Kerr Dunbar MacKay Drummond Galbraith "
	"Jansen de_Vries van_den_Berg Bakker Visser Smit Meijer de_Boer Mulder Bos "
	"Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson "
	"De_La_Cruz D'Angelo St._John Van_Buren Del_Rosario Smith-Jones Ben-David Al-Sayed Abu-Bakr Ortiz-Vega";

static const char male_intl[] =
	"José Søren Łukasz François Jürgen Björn Ángel Zoltán Jiří Andrés "
	"Jesús Ramón Joaquín Sébastien Jérôme Rémi Gérard Mikuláš Håkon Ørjan "
	"Jón Çağan Đorđe Óscar Tomás";

static const char female_intl[] =
	"Zoë Inès Chloé Renée Mónica Hélène Małgorzata Dagný Çağla Sinéad "
	"Anaïs Björg Élodie Noémie Lucía Sofía Ángela Márta Jóhanna Siân "
	"Åsa Göknur Kristýna Šárka Bénédicte";

static const char surnames_intl[] =
	"Müller García Nguyễn Søndergaard Łukaszewski Pérez Gómez Fernández Schröder Dvořák "
	"Kovačević Çelik Jäger Lefèvre Öztürk Martínez Núñez Wójcik Šimek Þórsson "
	"Åberg Bäcker Rodríguez González Hernández López Sánchez Ramírez Jiménez Gutiérrez "
	"Díaz Márquez Chávez Hoàng Phạm Trần Lê Đặng Bùi Võ "
	"Weiß Größer Köhler Krüger Schäfer Böhm Lévêque Béranger Mørk Ólafsdóttir";

static const char common_male[] = "John Michael David James Robert William";
static const char common_female[] = "Mary Jennifer Maria Sarah Linda Elizabeth";
static const char common_surnames[] = "Smith Johnson Williams Brown Jones Garcia Miller Lee Nguyen";

static const char streets_us[] =
	"Main Oak Maple Pine Cedar Elm Washington Lake Hill Park "
	"Walnut Sunset Lincoln Jackson Church River Highland Willow Franklin Jefferson "
	"Madison Adams Spring Ridge Meadow Forest Center Market Broad Union "
	"Water Mill High Chestnut Spruce Birch Cherry Dogwood Magnolia Laurel "
	"Hickory Sycamore Poplar Aspen Juniper Lakeview Hillcrest Fairview Woodland Valley "
	"Grand Prospect Pleasant Liberty Independence Commerce Industrial Airport College University "
	"School Academy Mission Canyon Mesa Sierra Pacific Atlantic Harbor Bay "
	"Ocean Shore Bridge Mill_Creek Stone Rock Granite Eagle Hawk Fox "
	"Deer Elk Bear Wolf Sunrise Morning Golden Silver Green Orchard "
	"Vineyard Peachtree Cypress Palm Kingston Monroe Hamilton Wilson Taylor Clark "
	"1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th "
	"Martin_Luther_King_Jr Old_Mill Country_Club Quail_Run Indian_Hills";

static const char streets_gb[] =
	"High Station Church Park Victoria Green Manor Kings Queens Mill "
	"London York Albert Grange New School North South West Bridge "
	"Chapel Castle Springfield Windsor George Alexandra Richmond Main Market Cromwell "
	"Orchard Highfield Stanley Beech Elm Oak Ash Willow Meadow Hawthorn";

static const char streets_de[] =
	"Haupt Bahnhof Garten Schul Kirch Berg Linden Dorf Wald Goethe "
	"Schiller Mozart Beethoven Friedrich Wilhelm Kaiser Park Sonnen Rosen Tannen "
	"Birken Eichen Buchen Feld Wiesen Markt Post Hafen Industrie Lessing "
	"Heine Bismarck Uhland Kant Ahorn Mühlen Königs Bach Blumen Feldberg";

static const char streets_fr[] =
	"de_la_Paix Victor_Hugo de_la_République du_Général_de_Gaulle Jean_Jaurès Pasteur "
	"de_la_Gare Nationale du_Château des_Lilas Saint-Michel Voltaire Gambetta Carnot "
	"de_Verdun Foch de_la_Liberté des_Écoles du_Moulin de_l'Église Émile_Zola "
	"Montmartre de_Rivoli Haussmann Lafayette des_Roses du_Commerce Sadi_Carnot";

static const char company_prefixes[] =
	"Blue Red Green Silver Golden Black White Crimson Azure Amber "
	"Ivory Scarlet Indigo Cobalt Emerald Copper Iron Steel Granite Crystal "
	"North South East West Northern Southern Eastern Western Central Pacific "
	"Atlantic Coastal Mountain Prairie Valley River Lake Bay Harbor Summit "
	"Pinnacle Apex Vertex Zenith Horizon Frontier Pioneer Liberty Freedom Patriot "
	"Heritage Legacy Keystone Cornerstone Capitol Premier Prime Elite Royal Noble "
	"Regal Sterling Grand Allied United Global Universal National Metro Urban "
	"Civic Quantum Fusion Vector Matrix Nexus Orbit Stellar Nova Lunar "
	"Solar Polar Arctic Tropic Evergreen Oak Cedar Pine Maple Willow "
	"Aspen Birch Cypress Redwood Sequoia Falcon Eagle Hawk Raven Phoenix "
	"Griffin Lion Tiger Wolf Bear Fox Stag Mustang Bison Hudson "
	"Potomac Columbia Sierra Cascade Rocky Appalachian Ozark Mesa Canyon Delta "
	"Alpha Beta Omega Sigma Kappa Trident Anchor Beacon Lighthouse Compass "
	"Meridian Latitude Bright Clear True Swift Rapid Agile Nimble Bold "
	"Brave Wise Smart Keen Clever Modern Classic Vintage First Paramount";

static const char company_prefixes_intl[] =
	"Müller Société Nordström Café Zürich Gómez Björk Łódź";

static const char company_cores[] =
	"Ridge Stone Point Bridge Field Works Gate Path Way Crest "
	"Peak Brook Creek Forge Mill Wood Land Shore Port View "
	"Line Star Wave Spring Rock Haven Grove Hill Park Wing "
	"Arc Light Fire Water Wind Cloud Sky Sun Moon Leaf "
	"Root Branch Seed Harvest Orchard Meadow Glen Dale Hollow Cove "
	"Reef Isle Key Landing Junction Crossing Square Circle Tower Castle "
	"Citadel Fort Keep Hall House Lodge Yard Dock Pier Quay "
	"Market Exchange Trade Link Chain Loop Thread Weave Fabric Grid "
	"Node Core Hub Spoke Axis Pulse Signal Spark Flame Ember "
	"Blaze Current Tide Stream Flow Rise Dawn Dusk Arrow Shield "
	"Crown Scepter Banner Flag Torch Lantern Prism Lens Mirror Focus "
	"Vision Sight Mind Logic Reason Craft Build Make Form Shape "
	"Frame Scale Measure Sum Count Ledger Vault Trust Bond Pact "
	"Guild Ring Bell Horn Drum Harp Lyre Flute Oar Sail "
	"Mast Keel Helm Rudder Compass Chart Map Atlas Globe Sphere";

static const char titles[] =
	"CEO|Chief Executive Officer|CFO|Chief Financial Officer|CTO|COO|VP of Sales|VP Marketing|"
	"Vice President|Director of Operations|Sales Manager|Account Executive|"
	"Senior Account Executive|Account Manager|Marketing Manager|Marketing Coordinator|"
	"Product Manager|Senior Product Manager|Project Manager|Program Manager|"
	"Software Engineer|Senior Software Engineer|Engineering Manager|Data Analyst|"
	"Data Scientist|Business Analyst|Financial Analyst|Controller|Accountant|"
	"Office Manager|Executive Assistant|Administrative Assistant|HR Manager|"
	"HR Generalist|Recruiter|Talent Acquisition Specialist|Operations Manager|"
	"Purchasing Manager|Procurement Specialist|Buyer|Customer Success Manager|"
	"Support Specialist|IT Manager|IT Director|Systems Administrator|Network Engineer|"
	"General Counsel|Paralegal|Owner|Founder|Co-Founder|President|Partner|"
	"Managing Director|Principal|Consultant|Senior Consultant|Sales Representative|"
	"Inside Sales Representative|Business Development Manager|Regional Manager|"
	"Branch Manager|Store Manager|Facilities Manager|Logistics Coordinator|"
	"Supply Chain Manager|Quality Assurance Manager|Plant Manager|Nurse Practitioner|"
	"Physician|Practice Manager|Professor|Research Scientist|Lab Manager|"
	"Communications Director|Public Relations Manager|Content Strategist|Graphic Designer|"
	"UX Designer|Chief Marketing Officer|Head of Growth|Sales Director|"
	"Director, Finance|Manager, IT Operations|VP, Customer Experience|Head of People";

/* Grouped by country (the generator relies on it), largest first. */
static const stw_sample_city cities[] = {
	{"New York", "NY", "US", "212", "100"},
	{"Los Angeles", "CA", "US", "213", "900"},
	{"Chicago", "IL", "US", "312", "606"},
	{"Houston", "TX", "US", "713", "770"},
	{"Phoenix", "AZ", "US", "602", "850"},
	{"Philadelphia", "PA", "US", "215", "191"},
	{"San Antonio", "TX", "US", "210", "782"},
	{"San Diego", "CA", "US", "619", "921"},
	{"Dallas", "TX", "US", "214", "752"},
	{"San Jose", "CA", "US", "408", "951"},
	{"Austin", "TX", "US", "512", "787"},
	{"Jacksonville", "FL", "US", "904", "322"},
	{"Fort Worth", "TX", "US", "817", "761"},
	{"Columbus", "OH", "US", "614", "432"},
	{"Charlotte", "NC", "US", "704", "282"},
	{"San Francisco", "CA", "US", "415", "941"},
	{"Indianapolis", "IN", "US", "317", "462"},
	{"Seattle", "WA", "US", "206", "981"},
	{"Denver", "CO", "US", "303", "802"},
	{"Washington", "DC", "US", "202", "200"},
	{"Boston", "MA", "US", "617", "021"},
	{"El Paso", "TX", "US", "915", "799"},
	{"Nashville", "TN", "US", "615", "372"},
	{"Detroit", "MI", "US", "313", "482"},
	{"Oklahoma City", "OK", "US", "405", "731"},
	{"Portland", "OR", "US", "503", "972"},
	{"Las Vegas", "NV", "US", "702", "891"},
	{"Memphis", "TN", "US", "901", "381"},
	{"Louisville", "KY", "US", "502", "402"},
	{"Baltimore", "MD", "US", "410", "212"},
	{"Milwaukee", "WI", "US", "414", "532"},
	{"Albuquerque", "NM", "US", "505", "871"},
	{"Tucson", "AZ", "US", "520", "857"},
	{"Fresno", "CA", "US", "559", "937"},
	{"Sacramento", "CA", "US", "916", "958"},
	{"Kansas City", "MO", "US", "816", "641"},
	{"Mesa", "AZ", "US", "480", "852"},
	{"Atlanta", "GA", "US", "404", "303"},
	{"Omaha", "NE", "US", "402", "681"},
	{"Colorado Springs", "CO", "US", "719", "809"},
	{"Raleigh", "NC", "US", "919", "276"},
	{"Miami", "FL", "US", "305", "331"},
	{"Long Beach", "CA", "US", "562", "908"},
	{"Virginia Beach", "VA", "US", "757", "234"},
	{"Oakland", "CA", "US", "510", "946"},
	{"Minneapolis", "MN", "US", "612", "554"},
	{"Tulsa", "OK", "US", "918", "741"},
	{"Tampa", "FL", "US", "813", "336"},
	{"Arlington", "TX", "US", "817", "760"},
	{"New Orleans", "LA", "US", "504", "701"},
	{"Wichita", "KS", "US", "316", "672"},
	{"Cleveland", "OH", "US", "216", "441"},
	{"Bakersfield", "CA", "US", "661", "933"},
	{"Aurora", "CO", "US", "303", "800"},
	{"Anaheim", "CA", "US", "714", "928"},
	{"Honolulu", "HI", "US", "808", "968"},
	{"Santa Ana", "CA", "US", "714", "927"},
	{"Riverside", "CA", "US", "951", "925"},
	{"Corpus Christi", "TX", "US", "361", "784"},
	{"Lexington", "KY", "US", "859", "405"},
	{"Stockton", "CA", "US", "209", "952"},
	{"Henderson", "NV", "US", "702", "890"},
	{"Saint Paul", "MN", "US", "651", "551"},
	{"St. Louis", "MO", "US", "314", "631"},
	{"Cincinnati", "OH", "US", "513", "452"},
	{"Pittsburgh", "PA", "US", "412", "152"},
	{"Greensboro", "NC", "US", "336", "274"},
	{"Anchorage", "AK", "US", "907", "995"},
	{"Plano", "TX", "US", "972", "750"},
	{"Lincoln", "NE", "US", "402", "685"},
	{"Orlando", "FL", "US", "407", "328"},
	{"Irvine", "CA", "US", "949", "926"},
	{"Newark", "NJ", "US", "973", "071"},
	{"Toledo", "OH", "US", "419", "436"},
	{"Durham", "NC", "US", "919", "277"},
	{"Chula Vista", "CA", "US", "619", "919"},
	{"Fort Wayne", "IN", "US", "260", "468"},
	{"Jersey City", "NJ", "US", "201", "073"},
	{"St. Petersburg", "FL", "US", "727", "337"},
	{"Laredo", "TX", "US", "956", "780"},
	{"Madison", "WI", "US", "608", "537"},
	{"Chandler", "AZ", "US", "480", "852"},
	{"Buffalo", "NY", "US", "716", "142"},
	{"Lubbock", "TX", "US", "806", "794"},
	{"Scottsdale", "AZ", "US", "480", "852"},
	{"Reno", "NV", "US", "775", "895"},
	{"Glendale", "AZ", "US", "623", "853"},
	{"Gilbert", "AZ", "US", "480", "852"},
	{"Winston-Salem", "NC", "US", "336", "271"},
	{"Norfolk", "VA", "US", "757", "235"},
	{"Chesapeake", "VA", "US", "757", "233"},
	{"Irving", "TX", "US", "972", "750"},
	{"Boise", "ID", "US", "208", "837"},
	{"Richmond", "VA", "US", "804", "232"},
	{"Spokane", "WA", "US", "509", "992"},
	{"Des Moines", "IA", "US", "515", "503"},
	{"Tacoma", "WA", "US", "253", "984"},
	{"San Bernardino", "CA", "US", "909", "924"},
	{"Modesto", "CA", "US", "209", "953"},
	{"Fontana", "CA", "US", "909", "923"},
	{"Salt Lake City", "UT", "US", "801", "841"},
	{"Birmingham", "AL", "US", "205", "352"},
	{"Rochester", "NY", "US", "585", "146"},
	{"Grand Rapids", "MI", "US", "616", "495"},
	{"Huntsville", "AL", "US", "256", "358"},
	{"Knoxville", "TN", "US", "865", "379"},
	{"Worcester", "MA", "US", "508", "016"},
	{"Providence", "RI", "US", "401", "029"},
	{"Hartford", "CT", "US", "860", "061"},
	{"New Haven", "CT", "US", "203", "065"},
	{"Stamford", "CT", "US", "203", "069"},
	{"Cambridge", "MA", "US", "617", "021"},
	{"Burlington", "VT", "US", "802", "054"},
	{"Portland", "ME", "US", "207", "041"},
	{"Manchester", "NH", "US", "603", "031"},
	{"Albany", "NY", "US", "518", "122"},
	{"Syracuse", "NY", "US", "315", "132"},
	{"Trenton", "NJ", "US", "609", "086"},
	{"Princeton", "NJ", "US", "609", "085"},
	{"Wilmington", "DE", "US", "302", "198"},
	{"Charleston", "SC", "US", "843", "294"},
	{"Columbia", "SC", "US", "803", "292"},
	{"Savannah", "GA", "US", "912", "314"},
	{"Little Rock", "AR", "US", "501", "722"},
	{"Jackson", "MS", "US", "601", "392"},
	{"Baton Rouge", "LA", "US", "225", "708"},
	{"Sioux Falls", "SD", "US", "605", "571"},
	{"Fargo", "ND", "US", "701", "581"},
	{"Billings", "MT", "US", "406", "591"},
	{"Cheyenne", "WY", "US", "307", "820"},
	{"Santa Fe", "NM", "US", "505", "875"},
	{"Palo Alto", "CA", "US", "650", "943"},
	{"Mountain View", "CA", "US", "650", "940"},
	{"Sunnyvale", "CA", "US", "408", "940"},
	{"Santa Clara", "CA", "US", "408", "950"},
	{"Redmond", "WA", "US", "425", "980"},
	{"Bellevue", "WA", "US", "425", "980"},
	{"Ann Arbor", "MI", "US", "734", "481"},
	{"Boulder", "CO", "US", "303", "803"},
	{"Fort Lauderdale", "FL", "US", "954", "333"},
	{"Naples", "FL", "US", "239", "341"},
	{"Dayton", "OH", "US", "937", "454"},
	{"Akron", "OH", "US", "330", "443"},
	{"Springfield", "IL", "US", "217", "627"},
	{"Evanston", "IL", "US", "847", "602"},
	{"Naperville", "IL", "US", "630", "605"},
	{"Overland Park", "KS", "US", "913", "662"},
	{"Chattanooga", "TN", "US", "423", "374"},
	{"Greenville", "SC", "US", "864", "296"},
	{"Toronto", "ON", "CA", "416", "M5"},
	{"Montréal", "QC", "CA", "514", "H2"},
	{"Vancouver", "BC", "CA", "604", "V6"},
	{"Calgary", "AB", "CA", "403", "T2"},
	{"Edmonton", "AB", "CA", "780", "T5"},
	{"Ottawa", "ON", "CA", "613", "K1"},
	{"Mississauga", "ON", "CA", "905", "L5"},
	{"Winnipeg", "MB", "CA", "204", "R3"},
	{"Québec", "QC", "CA", "418", "G1"},
	{"Hamilton", "ON", "CA", "905", "L8"},
	{"Halifax", "NS", "CA", "902", "B3"},
	{"Victoria", "BC", "CA", "250", "V8"},
	{"London", "Greater London", "GB", "20", "EC"},
	{"London", "Greater London", "GB", "20", "SW"},
	{"Manchester", "Greater Manchester", "GB", "161", "M"},
	{"Birmingham", "West Midlands", "GB", "121", "B"},
	{"Leeds", "West Yorkshire", "GB", "113", "LS"},
	{"Glasgow", "", "GB", "141", "G"},
	{"Edinburgh", "", "GB", "131", "EH"},
	{"Bristol", "", "GB", "117", "BS"},
	{"Liverpool", "Merseyside", "GB", "151", "L"},
	{"Sheffield", "South Yorkshire", "GB", "114", "S"},
	{"Newcastle upon Tyne", "Tyne and Wear", "GB", "191", "NE"},
	{"Cardiff", "", "GB", "29", "CF"},
	{"Belfast", "County Antrim", "GB", "28", "BT"},
	{"Reading", "Berkshire", "GB", "118", "RG"},
	{"Cambridge", "Cambridgeshire", "GB", "1223", "CB"},
	{"Oxford", "Oxfordshire", "GB", "1865", "OX"},
	{"Berlin", "Berlin", "DE", "30", "10"},
	{"Hamburg", "Hamburg", "DE", "40", "20"},
	{"München", "Bayern", "DE", "89", "80"},
	{"Köln", "Nordrhein-Westfalen", "DE", "221", "50"},
	{"Frankfurt am Main", "Hessen", "DE", "69", "60"},
	{"Stuttgart", "Baden-Württemberg", "DE", "711", "70"},
	{"Düsseldorf", "Nordrhein-Westfalen", "DE", "211", "40"},
	{"Leipzig", "Sachsen", "DE", "341", "04"},
	{"Dortmund", "Nordrhein-Westfalen", "DE", "231", "44"},
	{"Essen", "Nordrhein-Westfalen", "DE", "201", "45"},
	{"Bremen", "Bremen", "DE", "421", "28"},
	{"Dresden", "Sachsen", "DE", "351", "01"},
	{"Hannover", "Niedersachsen", "DE", "511", "30"},
	{"Nürnberg", "Bayern", "DE", "911", "90"},
	{"Karlsruhe", "Baden-Württemberg", "DE", "721", "76"},
	{"Paris", "Île-de-France", "FR", "1", "750"},
	{"Lyon", "Auvergne-Rhône-Alpes", "FR", "4", "690"},
	{"Marseille", "Provence-Alpes-Côte d'Azur", "FR", "4", "130"},
	{"Toulouse", "Occitanie", "FR", "5", "310"},
	{"Nice", "Provence-Alpes-Côte d'Azur", "FR", "4", "060"},
	{"Nantes", "Pays de la Loire", "FR", "2", "440"},
	{"Strasbourg", "Grand Est", "FR", "3", "670"},
	{"Montpellier", "Occitanie", "FR", "4", "340"},
	{"Bordeaux", "Nouvelle-Aquitaine", "FR", "5", "330"},
	{"Lille", "Hauts-de-France", "FR", "3", "590"},
};

static const stw_sample_nick nicks[] = {
	{"Robert", {"Bob", "Rob", "Bobby"}},
	{"William", {"Bill", "Will", "Billy"}},
	{"Richard", {"Rick", "Dick", "Rich"}},
	{"James", {"Jim", "Jimmy", "Jamie"}},
	{"John", {"Jack", "Johnny", NULL}},
	{"Michael", {"Mike", "Mikey", NULL}},
	{"David", {"Dave", "Davey", NULL}},
	{"Joseph", {"Joe", "Joey", NULL}},
	{"Thomas", {"Tom", "Tommy", NULL}},
	{"Charles", {"Charlie", "Chuck", NULL}},
	{"Christopher", {"Chris", "Topher", NULL}},
	{"Daniel", {"Dan", "Danny", NULL}},
	{"Matthew", {"Matt", NULL, NULL}},
	{"Anthony", {"Tony", NULL, NULL}},
	{"Donald", {"Don", "Donny", NULL}},
	{"Steven", {"Steve", NULL, NULL}},
	{"Stephen", {"Steve", NULL, NULL}},
	{"Andrew", {"Andy", "Drew", NULL}},
	{"Kenneth", {"Ken", "Kenny", NULL}},
	{"Joshua", {"Josh", NULL, NULL}},
	{"Edward", {"Ed", "Ted", "Ned"}},
	{"Ronald", {"Ron", "Ronnie", NULL}},
	{"Timothy", {"Tim", "Timmy", NULL}},
	{"Jeffrey", {"Jeff", NULL, NULL}},
	{"Gregory", {"Greg", NULL, NULL}},
	{"Benjamin", {"Ben", "Benny", NULL}},
	{"Samuel", {"Sam", "Sammy", NULL}},
	{"Patrick", {"Pat", "Paddy", NULL}},
	{"Alexander", {"Alex", "Xander", NULL}},
	{"Nicholas", {"Nick", "Nicky", NULL}},
	{"Jonathan", {"Jon", "Jonny", NULL}},
	{"Raymond", {"Ray", NULL, NULL}},
	{"Francis", {"Frank", "Fran", NULL}},
	{"Lawrence", {"Larry", NULL, NULL}},
	{"Gerald", {"Jerry", "Gerry", NULL}},
	{"Douglas", {"Doug", NULL, NULL}},
	{"Peter", {"Pete", NULL, NULL}},
	{"Henry", {"Hank", "Harry", NULL}},
	{"Walter", {"Walt", "Wally", NULL}},
	{"Zachary", {"Zach", "Zack", NULL}},
	{"Harold", {"Hal", "Harry", NULL}},
	{"Leonard", {"Len", "Leo", "Lenny"}},
	{"Philip", {"Phil", NULL, NULL}},
	{"Russell", {"Russ", NULL, NULL}},
	{"Bradley", {"Brad", NULL, NULL}},
	{"Frederick", {"Fred", "Freddie", NULL}},
	{"Vincent", {"Vince", "Vinny", NULL}},
	{"Theodore", {"Ted", "Theo", NULL}},
	{"Eugene", {"Gene", NULL, NULL}},
	{"Albert", {"Al", "Bert", NULL}},
	{"Stanley", {"Stan", NULL, NULL}},
	{"Jacob", {"Jake", NULL, NULL}},
	{"Nathan", {"Nate", NULL, NULL}},
	{"Gabriel", {"Gabe", NULL, NULL}},
	{"Maximilian", {"Max", NULL, NULL}},
	{"Mitchell", {"Mitch", NULL, NULL}},
	{"Herbert", {"Herb", "Bert", NULL}},
	{"Howard", {"Howie", NULL, NULL}},
	{"Alejandro", {"Alex", NULL, NULL}},
	{"Francisco", {"Paco", "Frank", NULL}},
	{"Jose", {"Pepe", NULL, NULL}},
	{"Giuseppe", {"Beppe", NULL, NULL}},
	{"Kimberly", {"Kim", NULL, NULL}},
	{"Elizabeth", {"Liz", "Beth", "Betty"}},
	{"Margaret", {"Maggie", "Peggy", "Meg"}},
	{"Jennifer", {"Jen", "Jenny", NULL}},
	{"Patricia", {"Pat", "Patty", "Trish"}},
	{"Susan", {"Sue", "Susie", NULL}},
	{"Deborah", {"Debbie", "Deb", NULL}},
	{"Debra", {"Debbie", "Deb", NULL}},
	{"Barbara", {"Barb", "Babs", NULL}},
	{"Jessica", {"Jess", "Jessie", NULL}},
	{"Katherine", {"Kate", "Kathy", "Katie"}},
	{"Catherine", {"Cathy", "Kate", NULL}},
	{"Kathryn", {"Kathy", "Katie", NULL}},
	{"Christine", {"Chris", "Tina", NULL}},
	{"Christina", {"Tina", "Chris", NULL}},
	{"Rebecca", {"Becky", "Becca", NULL}},
	{"Victoria", {"Vicky", "Tori", NULL}},
	{"Samantha", {"Sam", "Sammy", NULL}},
	{"Alexandra", {"Alex", "Lexi", NULL}},
	{"Abigail", {"Abby", NULL, NULL}},
	{"Pamela", {"Pam", NULL, NULL}},
	{"Cynthia", {"Cindy", NULL, NULL}},
	{"Sandra", {"Sandy", NULL, NULL}},
	{"Dorothy", {"Dot", "Dottie", NULL}},
	{"Judith", {"Judy", NULL, NULL}},
	{"Theresa", {"Terri", "Tess", NULL}},
	{"Teresa", {"Terry", NULL, NULL}},
	{"Amanda", {"Mandy", NULL, NULL}},
	{"Melissa", {"Missy", "Mel", NULL}},
	{"Stephanie", {"Steph", NULL, NULL}},
	{"Cassandra", {"Cassie", NULL, NULL}},
	{"Jacqueline", {"Jackie", NULL, NULL}},
	{"Kathleen", {"Kathy", "Kate", NULL}},
	{"Virginia", {"Ginny", NULL, NULL}},
	{"Frances", {"Fran", "Frannie", NULL}},
	{"Josephine", {"Jo", "Josie", NULL}},
	{"Madeline", {"Maddie", NULL, NULL}},
	{"Gabrielle", {"Gabby", NULL, NULL}},
	{"Penelope", {"Penny", NULL, NULL}},
	{"Suzanne", {"Sue", "Suzy", NULL}},
	{"Valerie", {"Val", NULL, NULL}},
	{"Olivia", {"Liv", NULL, NULL}},
	{"Allison", {"Ally", NULL, NULL}},
	{"Eleanor", {"Ellie", "Nell", NULL}},
	{"Natalie", {"Nat", NULL, NULL}},
	{"Angela", {"Angie", NULL, NULL}},
	{"Beverly", {"Bev", NULL, NULL}},
	{"Jillian", {"Jill", NULL, NULL}},
	{"Rosemary", {"Rose", "Rosie", NULL}},
	{"Veronica", {"Ronnie", NULL, NULL}},
	{"Priscilla", {"Cilla", NULL, NULL}},
	{"Isabella", {"Bella", "Izzy", NULL}},
	{"Danielle", {"Dani", NULL, NULL}},
	{"Nicole", {"Nikki", NULL, NULL}},
	{"Andrea", {"Andy", NULL, NULL}},
	{"Evelyn", {"Evie", NULL, NULL}},
	{"Mary", {"Molly", "Polly", NULL}},
	{"Sarah", {"Sally", "Sadie", NULL}},
};

static const stw_sample_trade trades[] = {
	{"Software", "Technology"}, {"Systems", "Technology"},
	{"Technologies", "Technology"}, {"Labs", "Technology"},
	{"Digital", "Technology"}, {"Data", "Technology"},
	{"Analytics", "Technology"}, {"Cloud", "Technology"},
	{"Networks", "Telecommunications"}, {"Telecom", "Telecommunications"},
	{"Wireless", "Telecommunications"}, {"Solutions", "Consulting"},
	{"Consulting", "Consulting"}, {"Partners", "Consulting"},
	{"Advisors", "Finance"}, {"Capital", "Finance"},
	{"Financial", "Finance"}, {"Holdings", "Finance"},
	{"Bank", "Banking"}, {"Bancorp", "Banking"},
	{"Insurance", "Insurance"}, {"Assurance", "Insurance"},
	{"Health", "Healthcare"}, {"Medical", "Healthcare"},
	{"Dental", "Healthcare"}, {"Clinic", "Healthcare"},
	{"Pharma", "Biotechnology"}, {"Biosciences", "Biotechnology"},
	{"Therapeutics", "Biotechnology"}, {"Logistics", "Transportation"},
	{"Freight", "Transportation"}, {"Transport", "Transportation"},
	{"Shipping", "Shipping"}, {"Marine", "Shipping"},
	{"Construction", "Construction"}, {"Builders", "Construction"},
	{"Engineering", "Engineering"}, {"Architects", "Engineering"},
	{"Manufacturing", "Manufacturing"}, {"Industries", "Manufacturing"},
	{"Machinery", "Machinery"}, {"Tools", "Machinery"},
	{"Energy", "Energy"}, {"Power", "Utilities"},
	{"Utilities", "Utilities"}, {"Foods", "Food & Beverage"},
	{"Bakery", "Food & Beverage"}, {"Brewing", "Food & Beverage"},
	{"Farms", "Agriculture"}, {"Organics", "Agriculture"},
	{"Apparel", "Apparel"}, {"Outfitters", "Retail"},
	{"Supply", "Retail"}, {"Stores", "Retail"},
	{"Media", "Media"}, {"Publishing", "Media"},
	{"Studios", "Entertainment"}, {"Films", "Entertainment"},
	{"Hotels", "Hospitality"}, {"Resorts", "Hospitality"},
	{"Academy", "Education"}, {"Learning", "Education"},
	{"Chemicals", "Chemicals"}, {"Electronics", "Electronics"},
	{"Foundation", "Not For Profit"}, {"Environmental", "Environmental"},
};

static const stw_sample_pools pools = {
	.male = male, .female = female, .surnames = surnames,
	.male_intl = male_intl, .female_intl = female_intl, .surnames_intl = surnames_intl,
	.common_male = common_male, .common_female = common_female,
	.common_surnames = common_surnames,
	.streets_us = streets_us, .streets_gb = streets_gb,
	.streets_de = streets_de, .streets_fr = streets_fr,
	.company_prefixes = company_prefixes,
	.company_prefixes_intl = company_prefixes_intl,
	.company_cores = company_cores,
	.titles = titles,
	.cities = cities, .ncities = sizeof cities / sizeof cities[0],
	.nicks = nicks, .nnicks = sizeof nicks / sizeof nicks[0],
	.trades = trades, .ntrades = sizeof trades / sizeof trades[0],
};

const stw_sample_pools *
stw_sample_pools_get(void)
{
	return &pools;
}
