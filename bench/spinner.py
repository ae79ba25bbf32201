"""A test spinner: context-blind synonym substitution, for tests and benchmarks only.

It imitates the cheap article spinners behind spun news sites: a table of
common news words, each with the synonyms such tools pick (thesaurus
first-choices, wrong sense and part of speech included), applied word by
word without looking at the context, inside quotations and names too.

This table was written separately from the detector's data
(``rules/data/spin_*``) and is not shipped. It is split in two halves by a
hash of the original word (:func:`split_table`): the *tuning* half may be
looked at while developing the detector; the *held-out* half may not (its
outputs are only ever measured, never read to choose data or thresholds).
``held_out_table()`` further keeps only the substitutions the detector's
synonym table does not contain, to measure how far the detector generalizes
to swaps it never saw.

Usage::

    from spinner import spin
    spun = spin(text, rate=0.5, seed=1)
"""

from __future__ import annotations

import random
import re
import zlib

# original -> synonyms a cheap spinner chooses. Multi-word originals are matched first.
TABLE: dict[str, list[str]] = {
    # reporting
    "said": ["stated", "mentioned", "expressed", "talked about", "declared", "uttered"],
    "says": ["states", "mentions", "expresses", "declares"],
    "say": ["state", "express", "mention", "declare"],
    "told": ["informed", "advised", "instructed", "knowledgeable"],
    "tell": ["inform", "advise", "instruct"],
    "asked": ["requested", "questioned", "inquired"],
    "added": ["included", "further", "extra"],
    "according to": ["in accordance with", "in line with", "in keeping with", "based on"],
    "reported": ["documented", "recorded", "noted"],
    "announced": ["introduced", "declared", "proclaimed"],
    "explained": ["defined", "described", "clarified"],
    "claimed": ["asserted", "alleged", "professed"],
    "called": ["known as", "referred to as", "named", "referred to as"],
    "statement": ["assertion", "declaration", "report"],
    "interview": ["job interview", "consultation", "question and answer session"],
    "spokesman": ["spokesperson", "speaker", "representative"],
    # time
    "last": ["final", "closing", "remaining", "previous"],
    "next": ["subsequent", "following", "upcoming"],
    "first": ["primary", "initial", "preliminary", "principal"],
    "second": ["second", "2nd", "moment"],
    "year": ["yr", "12 months", "calendar year"],
    "years": ["yrs", "a long time", "decades"],
    "week": ["week", "7 days"],
    "weeks": ["weeks", "7 days"],
    "month": ["month", "thirty day period"],
    "months": ["months", "weeks"],
    "day": ["day", "working day"],
    "days": ["days", "times"],
    "today": ["at this time", "at present", "right now", "these days"],
    "now": ["now", "at present", "right now"],
    "recently": ["lately", "not too long ago", "just lately", "currently"],
    "recent": ["current", "latest", "new"],
    "previously": ["beforehand", "earlier than", "formerly"],
    "later": ["afterward", "in a while", "afterwards"],
    "soon": ["quickly", "shortly", "presently"],
    "again": ["once more", "once again"],
    "early": ["initial", "preliminary", "early on"],
    "ago": ["in the past", "back"],
    "time": ["time", "period", "occasion"],
    "often": ["usually", "typically", "regularly"],
    # people
    "people": ["folks", "individuals", "persons", "of us"],
    "children": ["youngsters", "kids", "little ones"],
    "women": ["ladies", "girls", "females"],
    "men": ["males", "guys"],
    "woman": ["lady", "girl", "feminine"],
    "man": ["man", "gentleman", "male"],
    "family": ["household", "family members", "relations"],
    "families": ["households", "relations"],
    "parents": ["dad and mom", "mother and father"],
    "friends": ["associates", "buddies", "mates"],
    "students": ["college students", "pupils", "scholars"],
    "officials": ["officers", "authorities", "representatives"],
    "official": ["officer", "authorized", "formal"],
    "government": ["authorities", "administration", "govt"],
    "police": ["police", "cops", "law enforcement"],
    "leader": ["chief", "head", "frontrunner"],
    "leaders": ["chiefs", "heads", "leaders"],
    "president": ["president", "chairman"],
    "staff": ["workers", "employees", "personnel"],
    "workers": ["staff", "employees", "laborers"],
    "employees": ["staff", "workers", "workers"],
    "residents": ["residents", "inhabitants", "locals"],
    "experts": ["specialists", "consultants", "authorities"],
    "expert": ["professional", "skilled", "specialist"],
    "customers": ["prospects", "clients", "consumers"],
    "investors": ["traders", "buyers"],
    "players": ["gamers", "avid gamers", "participants"],
    "team": ["workforce", "group", "crew"],
    "doctors": ["medical doctors", "physicians", "docs"],
    "patients": ["sufferers", "sufferers"],
    "lawyers": ["attorneys", "legal professionals"],
    "lawyer": ["legal professional", "attorney"],
    "soldiers": ["troopers", "servicemen"],
    # institutions, politics
    "national": ["nationwide", "countrywide", "nationwide"],
    "international": ["worldwide", "world", "global"],
    "foreign": ["overseas", "international", "unfamiliar"],
    "local": ["native", "regional", "area"],
    "security": ["safety", "safety", "protection"],
    "defense": ["protection", "defence"],
    "health": ["well being", "well-being", "wellness"],
    "military": ["army", "navy", "armed forces"],
    "war": ["warfare", "battle", "struggle"],
    "attack": ["assault", "strike", "offensive"],
    "attacks": ["assaults", "strikes"],
    "fighting": ["combating", "preventing", "struggling"],
    "troops": ["troops", "forces"],
    "weapons": ["weapons", "arms", "weaponry"],
    "country": ["nation", "nation", "land"],
    "countries": ["international locations", "nations"],
    "state": ["state", "situation", "condition"],
    "city": ["metropolis", "town", "municipality"],
    "law": ["regulation", "legislation", "legislation"],
    "court": ["courtroom", "court docket"],
    "judge": ["choose", "decide", "justice"],
    "election": ["election", "ballot", "vote"],
    "campaign": ["marketing campaign", "crusade"],
    "party": ["celebration", "occasion", "get together"],
    "policy": ["coverage", "protection"],
    "conference": ["convention", "meeting", "seminar"],
    "call": ["name", "decision", "phone"],
    "calls": ["requires", "name", "phone calls"],
    "meeting": ["assembly", "gathering", "conference"],
    "meetings": ["conferences", "gatherings"],
    "agreement": ["settlement", "deal", "arrangement"],
    "plan": ["plan", "strategy", "scheme"],
    "plans": ["plans", "methods", "schemes"],
    "talks": ["talks", "discussions", "negotiations"],
    "crisis": ["disaster", "emergency"],
    "top": ["high", "prime", "prime"],
    "major": ["main", "important", "key"],
    "issue": ["problem", "difficulty", "subject"],
    "issues": ["points", "problems", "points"],
    "concerns": ["issues", "considerations", "worries"],
    "area": ["space", "realm", "region"],
    "areas": ["areas", "locations", "zones"],
    "border": ["border", "frontier", "boundary"],
    "eastern": ["japanese", "oriental", "east"],
    "western": ["western", "occidental", "west"],
    "ground": ["floor", "floor", "bottom"],
    "removal": ["elimination", "elimination", "removing"],
    "consequences": ["penalties", "penalties", "repercussions"],
    "severe": ["extreme", "critical", "extreme"],
    "outcry": ["uproar", "protest"],
    # economy
    "economy": ["economic system", "financial system"],
    "economic": ["financial", "monetary", "economical"],
    "financial": ["monetary", "economic", "money-related"],
    "market": ["market", "marketplace", "market"],
    "stock": ["inventory", "inventory", "stock"],
    "interest": ["curiosity", "interest", "attention"],
    "rates": ["charges", "charges", "rates"],
    "bank": ["financial institution", "bank"],
    "price": ["value", "worth", "price"],
    "prices": ["costs", "charges", "values"],
    "costs": ["prices", "bills", "expenses"],
    "money": ["cash", "funds", "cash"],
    "company": ["firm", "agency", "enterprise"],
    "companies": ["firms", "corporations", "businesses"],
    "business": ["enterprise", "enterprise", "enterprise"],
    "businesses": ["companies", "enterprises"],
    "industry": ["trade", "business", "sector"],
    "sales": ["gross sales", "gross sales"],
    "jobs": ["jobs", "positions"],
    "growth": ["development", "progress", "expansion"],
    "percent": ["p.c.", "%", "per cent"],
    "million": ["million"],
    "thousands": ["hundreds", "1000's", "1000's"],
    "hundreds": ["lots of", "a whole lot of", "tons of"],
    "technology": ["know-how", "expertise", "technology"],
    "research": ["analysis", "analysis", "research"],
    "study": ["examine", "research", "research"],
    "data": ["information", "knowledge", "info"],
    "information": ["info", "data", "data"],
    "online": ["on-line", "on-line"],
    "website": ["web site", "web site", "site"],
    "internet": ["web", "web", "net"],
    # verbs
    "become": ["grow to be", "turn out to be", "change into", "turn into"],
    "became": ["grew to become", "turned", "grew to become"],
    "helped": ["assisted", "helped"],
    "need": ["want", "must", "require"],
    "needs": ["wants", "must", "requires"],
    "want": ["need", "wish", "need"],
    "wanted": ["needed", "wished", "needed"],
    "think": ["assume", "suppose", "consider"],
    "believe": ["imagine", "consider", "suppose"],
    "believes": ["believes", "thinks"],
    "showed": ["confirmed", "confirmed", "showed"],
    "shows": ["exhibits", "reveals", "reveals"],
    "find": ["discover", "discover"],
    "found": ["discovered", "found", "discovered"],
    "start": ["begin", "begin", "start"],
    "started": ["began", "started", "began"],
    "began": ["started", "started", "commenced"],
    "end": ["finish", "finish", "finish"],
    "ended": ["ended", "concluded"],
    "keep": ["hold", "maintain", "preserve"],
    "remain": ["stay", "stay"],
    "remains": ["stays", "stays", "stays"],
    "move": ["transfer", "transfer", "transfer"],
    "moved": ["moved", "moved"],
    "visit": ["go to", "go to", "go to"],
    "leave": ["depart", "go away"],
    "stop": ["cease", "cease", "cease"],
    "prepare": ["put together", "put together"],
    "preparing": ["getting ready", "getting ready"],
    "reduce": ["cut back", "scale back", "cut back"],
    "raise": ["elevate", "increase", "elevate"],
    "discuss": ["talk about", "focus on", "talk about"],
    "join": ["be part of", "be a part of", "be a part of"],
    "remove": ["take away", "take away"],
    "accept": ["settle for", "settle for"],
    "choose": ["select", "select", "decide on"],
    "include": ["embody", "embrace", "embrace"],
    "includes": ["consists of", "contains", "consists of"],
    "including": ["together with", "together with", "along with"],
    "considered": ["thought of", "taken into account", "thought-about"],
    "known": ["identified", "recognized", "identified"],
    "expected": ["anticipated", "anticipated", "predicted"],
    "allowed": ["allowed", "allowed"],
    "tried": ["tried", "tried", "tried"],
    "seen": ["seen", "seen", "seen"],
    "lost": ["misplaced", "misplaced"],
    "won": ["gained", "received", "gained"],
    "released": ["launched", "launched", "launched"],
    "launched": ["launched", "launched", "launched"],
    # function words and phrases
    "where": ["the place", "the place", "the place"],
    "could": ["may", "might", "may"],
    "should": ["ought to", "ought to", "ought to"],
    "might": ["may", "would possibly", "may"],
    "because": ["as a result of", "as a result of", "as a result of"],
    "while": ["whereas", "whereas", "whereas"],
    "during": ["throughout", "throughout", "throughout"],
    "against": ["towards", "in opposition to", "towards"],
    "along": ["alongside", "alongside", "alongside"],
    "near": ["close to", "close to", "close to"],
    "around": ["round", "round", "round"],
    "across": ["throughout", "throughout", "throughout"],
    "about": ["about", "about", "about"],
    "several": ["a number of", "a number of", "a number of"],
    "many": ["many", "many", "many"],
    "more than": ["greater than", "greater than", "larger than"],
    "in advance": ["prematurely", "upfront", "beforehand"],
    "such as": ["akin to", "comparable to", "similar to"],
    "also": ["additionally", "additionally", "additionally"],
    "further": ["additional", "additional", "additional"],
    "whether": ["whether or not", "whether or not", "whether or not"],
    "other": ["different", "different", "different"],
    "different": ["totally different", "completely different", "completely different"],
    "only": ["solely", "solely", "solely"],
    "just": ["simply", "simply", "simply"],
    "still": ["nonetheless", "nonetheless", "nonetheless"],
    "nearly": ["practically", "practically", "almost"],
    "almost": ["virtually", "practically", "practically"],
    "however": ["nonetheless", "nevertheless", "nonetheless"],
    "enough": ["sufficient", "sufficient", "sufficient"],
    "likely": ["doubtless", "prone to", "more likely to"],
    "possible": ["attainable", "potential", "attainable"],
    "important": ["vital", "essential", "necessary"],
    "big": ["huge", "massive", "huge"],
    "large": ["massive", "giant", "huge"],
    "long": ["lengthy", "lengthy", "lengthy"],
    "hard": ["laborious", "arduous", "exhausting"],
    "difficult": ["troublesome", "tough", "tough"],
    "easy": ["straightforward", "simple", "simple"],
    "bad": ["dangerous", "unhealthy", "dangerous"],
    "great": ["nice", "nice", "nice"],
    "good": ["good", "good"],
    "better": ["higher", "higher", "higher"],
    "best": ["finest", "greatest", "finest"],
    "high": ["excessive", "excessive", "excessive"],
    "new": ["new", "new", "new"],
    "old": ["previous", "outdated", "previous"],
    "young": ["younger", "younger", "younger"],
    "small": ["small", "little", "small"],
    "main": ["principal", "predominant", "major"],
    "key": ["key", "key", "key"],
    "whole": ["entire", "complete", "complete"],
    "total": ["complete", "whole", "complete"],
    "part": ["half", "a part", "half"],
    "number": ["quantity", "variety", "quantity"],
    "opportunity": ["alternative", "alternative", "alternative"],
    "options": ["choices", "choices", "choices"],
    "ability": ["capability", "potential", "capability"],
    "goals": ["objectives", "targets", "targets"],
    "problem": ["drawback", "downside", "drawback"],
    "problems": ["issues", "issues", "issues"],
    "situation": ["scenario", "state of affairs", "scenario"],
    "condition": ["situation", "situation", "situation"],
    "details": ["particulars", "particulars", "particulars"],
    "evidence": ["proof", "proof", "proof"],
    "event": ["occasion", "occasion", "occasion"],
    "events": ["occasions", "occasions", "occasions"],
    "changes": ["modifications", "adjustments", "adjustments"],
    "power": ["energy", "energy", "energy"],
    "control": ["management", "management", "management"],
    "building": ["constructing", "constructing", "constructing"],
    "car": ["automotive", "automobile", "automotive"],
    "food": ["meals", "meals", "meals"],
    "weather": ["climate", "climate", "climate"],
    "phone": ["cellphone", "telephone", "cellphone"],
    "game": ["recreation", "sport", "recreation"],
    "games": ["video games", "video games", "video games"],
    "history": ["historical past", "historical past", "historical past"],
    "decision": ["determination", "resolution", "choice"],
    "home": ["residence", "dwelling", "house"],
    "house": ["home", "residence", "home"],
    "school": ["faculty", "college", "faculty"],
    "university": ["college", "college", "faculty"],
    "body": ["physique", "physique", "physique"],
    "results": ["outcomes", "outcomes", "outcomes"],
    "reports": ["experiences", "stories", "experiences"],
    "book": ["guide", "e book", "guide"],
    "film": ["movie", "movie", "movie"],
    "movie": ["film", "film", "film"],
    "music": ["music", "music", "music"],
    "show": ["present", "present", "present"],
    "record": ["document", "file", "report"],
    "trip": ["journey", "journey", "journey"],
    "travel": ["journey", "journey", "journey"],
    "world": ["world", "world", "world"],
    "life": ["life", "life", "life"],
    "way": ["means", "method", "approach"],
    "ways": ["methods", "methods", "methods"],
    "place": ["place", "place", "place"],
    "water": ["water", "water", "water"],
    "fire": ["hearth", "fireplace", "hearth"],
    "killed": ["killed", "killed", "killed"],
    "dead": ["lifeless", "useless", "lifeless"],
    "death": ["loss of life", "demise", "dying"],
    "help": ["assist", "assist", "assist"],
    "support": ["assist", "help", "assist"],
    "provide": ["present", "present", "present"],
    "provides": ["supplies", "offers", "supplies"],
    "provided": ["offered", "supplied", "offered"],
    "make": ["make", "make", "make"],
    "made": ["made", "made", "made"],
    "take": ["take", "take", "take"],
    "use": ["use", "use", "use"],
    "used": ["used", "used", "used"],
    "work": ["work", "work", "work"],
    "run": ["run", "run", "run"],
    # more common words: verbs
    "came": ["got here", "got here", "arrived"],
    "come": ["come", "arrive", "come"],
    "comes": ["comes", "arrives"],
    "feel": ["really feel", "really feel", "sense"],
    "turn": ["flip", "flip", "rotate"],
    "turned": ["turned", "flipped"],
    "bring": ["convey", "carry", "convey"],
    "brought": ["introduced", "delivered"],
    "continue": ["proceed", "proceed", "carry on"],
    "continued": ["continued", "persevered"],
    "learn": ["study", "be taught", "study"],
    "learned": ["discovered", "realized"],
    "understand": ["perceive", "perceive", "comprehend"],
    "follow": ["observe", "comply with", "observe"],
    "speak": ["communicate", "converse", "talk"],
    "grow": ["develop", "develop", "increase"],
    "offer": ["supply", "provide", "supply"],
    "offers": ["provides", "gives", "supplies"],
    "remember": ["keep in mind", "bear in mind", "recall"],
    "consider": ["think about", "contemplate", "take into account"],
    "buy": ["purchase", "purchase", "purchase"],
    "bought": ["purchased", "acquired"],
    "reach": ["attain", "attain", "attain"],
    "sell": ["promote", "promote", "market"],
    "seem": ["appear", "appear", "look"],
    "seems": ["appears", "seems to be"],
    "got": ["received", "acquired", "obtained"],
    "get": ["get", "obtain", "receive"],
    "give": ["give", "present", "give"],
    "go": ["go", "go", "head"],
    "going": ["going", "heading", "going"],
    "try": ["attempt", "strive", "try"],
    "ask": ["ask", "request", "ask"],
    "mean": ["imply", "imply", "mean"],
    "means": ["means", "implies"],
    "hold": ["maintain", "maintain", "hold"],
    "build": ["construct", "construct", "build"],
    "create": ["create", "create", "generate"],
    "expect": ["anticipate", "count on", "anticipate"],
    "watch": ["watch", "observe", "watch"],
    "decided": ["determined", "determined", "determined"],
    "died": ["died", "passed away"],
    "update": ["replace", "replace", "replace"],
    # nouns
    "thing": ["factor", "factor", "factor"],
    "things": ["issues", "issues", "issues"],
    "point": ["level", "level", "level"],
    "side": ["facet", "aspect", "facet"],
    "kind": ["sort", "type", "sort"],
    "idea": ["thought", "concept", "thought"],
    "office": ["workplace", "workplace", "office"],
    "person": ["individual", "individual", "particular person"],
    "reason": ["purpose", "cause", "purpose"],
    "question": ["query", "query", "query"],
    "questions": ["questions", "queries", "questions"],
    "answer": ["reply", "reply", "response"],
    "fact": ["reality", "truth", "reality"],
    "light": ["mild", "mild", "gentle"],
    "experience": ["expertise", "expertise", "experience"],
    "center": ["middle", "heart", "middle"],
    "attention": ["consideration", "consideration", "consideration"],
    "role": ["function", "function", "position"],
    "chance": ["likelihood", "probability", "likelihood"],
    "list": ["listing", "listing", "record"],
    "model": ["mannequin", "mannequin", "model"],
    "project": ["venture", "challenge", "mission"],
    "user": ["consumer", "person", "consumer"],
    "users": ["customers", "customers", "users"],
    "feature": ["function", "characteristic", "function"],
    "features": ["options", "options", "features"],
    "version": ["model", "model", "model"],
    "device": ["system", "gadget", "machine"],
    "couple": ["couple", "pair", "couple"],
    "goal": ["purpose", "aim", "objective"],
    "site": ["web site", "website", "web site"],
    "community": ["neighborhood", "group", "neighborhood"],
    "effort": ["effort", "effort", "try"],
    "minutes": ["minutes", "minutes", "moments"],
    "hours": ["hours", "hrs", "hours"],
    # adjectives
    "able": ["in a position", "ready", "in a position"],
    "sure": ["positive", "certain", "positive"],
    "real": ["actual", "actual", "actual"],
    "strong": ["robust", "sturdy", "robust"],
    "personal": ["private", "private", "private"],
    "available": ["obtainable", "accessible", "out there"],
    "current": ["present", "present", "present"],
    "wrong": ["unsuitable", "incorrect", "improper"],
    "fine": ["advantageous", "positive", "wonderful"],
    "common": ["frequent", "widespread", "frequent"],
    "natural": ["pure", "pure", "pure"],
    "happy": ["pleased", "joyful", "comfortable"],
    "serious": ["critical", "severe", "critical"],
    "physical": ["bodily", "bodily", "bodily"],
    "general": ["common", "normal", "basic"],
    "dark": ["darkish", "darkish", "dark"],
    "various": ["varied", "numerous", "varied"],
    "legal": ["authorized", "authorized", "lawful"],
    "green": ["inexperienced", "inexperienced", "green"],
    "popular": ["in style", "well-liked", "fashionable"],
    "traditional": ["conventional", "conventional", "traditional"],
    "successful": ["profitable", "profitable", "successful"],
    "interesting": ["fascinating", "attention-grabbing", "fascinating"],
    "amazing": ["superb", "wonderful", "superb"],
    "favorite": ["favourite", "most popular", "favourite"],
    "perfect": ["excellent", "good", "excellent"],
    "beautiful": ["stunning", "lovely", "stunning"],
    "short": ["brief", "quick", "brief"],
    "huge": ["large", "big", "enormous"],
    "significant": ["vital", "important", "important"],
    "ready": ["prepared", "prepared", "able"],
    # everyday words of features and lifestyle copy
    "love": ["love", "adore", "like"],
    "loves": ["loves", "adores"],
    "like": ["like", "like", "like"],
    "look": ["look", "search", "look"],
    "looks": ["appears to be like", "seems", "appears"],
    "looking": ["trying", "wanting", "trying"],
    "lot": ["lot", "great deal", "lot"],
    "little": ["little", "slightly", "little"],
    "something": ["one thing", "one thing", "something"],
    "everything": ["every part", "all the things", "every thing"],
    "anything": ["something", "something", "anything"],
    "nothing": ["nothing", "nothing", "nothing"],
    "someone": ["somebody", "somebody", "someone"],
    "everyone": ["everybody", "everybody", "everyone"],
    "kids": ["children", "youngsters", "children"],
    "mom": ["mother", "mother", "mum"],
    "dad": ["father", "father", "dad"],
    "guy": ["man", "man", "fellow"],
    "guys": ["guys", "fellows", "men"],
    "hair": ["hair", "hair", "hair"],
    "skin": ["pores and skin", "pores and skin", "skin"],
    "clothes": ["garments", "garments", "clothes"],
    "dress": ["costume", "gown", "costume"],
    "shoes": ["footwear", "sneakers", "footwear"],
    "style": ["fashion", "model", "fashion"],
    "fashion": ["vogue", "style", "vogue"],
    "beauty": ["magnificence", "magnificence", "beauty"],
    "weight": ["weight", "weight", "weight"],
    "eat": ["eat", "eat", "devour"],
    "eating": ["consuming", "consuming", "eating"],
    "drink": ["drink", "drink", "beverage"],
    "cook": ["prepare dinner", "prepare dinner", "cook"],
    "recipe": ["recipe", "recipe", "recipe"],
    "kitchen": ["kitchen", "kitchen", "kitchen"],
    "restaurant": ["restaurant", "eatery", "restaurant"],
    "hotel": ["lodge", "resort", "lodge"],
    "city's": ["metropolis's", "city's"],
    "room": ["room", "room", "area"],
    "rooms": ["rooms", "rooms", "areas"],
    "night": ["evening", "night time", "evening"],
    "morning": ["morning", "morning", "morning"],
    "summer": ["summer time", "summer time", "summer"],
    "fun": ["enjoyable", "enjoyable", "fun"],
    "party's": ["social gathering's", "party's"],
    "pretty": ["fairly", "fairly", "pretty"],
    "cool": ["cool", "cool", "cool"],
    "wonderful": ["great", "fantastic", "great"],
    "awesome": ["superior", "superior", "awesome"],
    "funny": ["humorous", "humorous", "funny"],
    "star": ["star", "star", "celebrity"],
    "stars": ["stars", "stars", "celebrities"],
    "singer": ["singer", "singer", "singer"],
    "actor": ["actor", "actor", "actor"],
    "actress": ["actress", "actress", "actress"],
    "episode": ["episode", "episode", "episode"],
    "series": ["sequence", "collection", "sequence"],
    "season": ["season", "season", "season"],
    "song": ["tune", "music", "track"],
    "songs": ["songs", "tunes", "songs"],
    "band": ["band", "band", "band"],
    "album": ["album", "album", "album"],
    "fans": ["followers", "followers", "admirers"],
    "post": ["submit", "put up", "submit"],
    "posted": ["posted", "posted", "posted"],
    "photos": ["pictures", "images", "photographs"],
    "picture": ["image", "image", "image"],
    "video": ["video", "video", "video"],
    "page": ["web page", "web page", "page"],
    "click": ["click on", "click on", "click"],
    "email": ["e mail", "e-mail", "e mail"],
    "text": ["textual content", "textual content", "text"],
    "message": ["message", "message", "message"],
    "code": ["code", "code", "code"],
    "file": ["file", "file", "file"],
    "files": ["recordsdata", "information", "recordsdata"],
    "app": ["app", "app", "application"],
    "apps": ["apps", "purposes", "functions"],
    "browser": ["browser", "browser", "browser"],
    "screen": ["display screen", "display", "display screen"],
    "button": ["button", "button", "button"],
    "free": ["free", "free", "free"],
    "easily": ["simply", "simply", "easily"],
    "simply": ["merely", "merely", "simply"],
    "everyday": ["on a regular basis", "on a regular basis", "every day"],
    "daily": ["each day", "every day", "day by day"],
    "weekly": ["weekly", "weekly", "weekly"],
    # adverbs
    "really": ["actually", "really", "truly"],
    "very": ["very", "extremely", "very"],
    "actually": ["truly", "really", "truly"],
    "probably": ["in all probability", "most likely", "in all probability"],
    "especially": ["particularly", "particularly", "particularly"],
    "finally": ["lastly", "lastly", "finally"],
    "immediately": ["instantly", "instantly", "right away"],
    "completely": ["utterly", "fully", "utterly"],
    "currently": ["presently", "at the moment", "presently"],
    "mostly": ["principally", "largely", "principally"],
    "together": ["collectively", "collectively", "collectively"],
    "instead": ["as an alternative", "as a substitute", "as an alternative"],
    "eventually": ["finally", "ultimately", "finally"],
    "quite": ["fairly", "fairly", "quite"],
    "usually": ["often", "normally", "often"],
    "quickly": ["rapidly", "shortly", "rapidly"],
    "certainly": ["actually", "definitely", "actually"],
    "perhaps": ["maybe", "maybe", "maybe"],
    "though": ["although", "although", "though"],
}
# Entries whose synonyms are all the word itself are "replaceable" in name only: drop them.
TABLE = {k: [s for s in v if s != k] for k, v in TABLE.items()}
TABLE = {k: v for k, v in TABLE.items() if v}

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")


def _compile(table: dict[str, list[str]]) -> re.Pattern[str]:
    keys = sorted(table, key=lambda k: (-len(k.split()), -len(k)))
    alt = "|".join(r"\s+".join(map(re.escape, k.split())) for k in keys)
    return re.compile(rf"(?<![\w'’-])(?:{alt})(?![\w'’-])", re.IGNORECASE)


def _case_like(found: str, repl: str) -> str:
    if found.isupper() and len(found) > 1:
        return repl.upper()
    if found[:1].isupper():
        return repl[:1].upper() + repl[1:]
    return repl


def spin(
    text: str,
    rate: float = 0.5,
    seed: int = 0,
    table: dict[str, list[str]] | None = None,
    quotes: bool = True,
    log: list | None = None,
) -> str:
    """Replace about ``rate`` of the replaceable words of ``text`` with a synonym, blind to context.

    ``quotes=False`` leaves text between double quotation marks alone (some spinners do).
    ``log``, when given, receives one ``(offset in text, original, replacement)`` per swap.
    """
    table = TABLE if table is None else table
    pattern = _pattern_for(table)
    rng = random.Random(seed * 1_000_003 + zlib.crc32(text[:200].encode()))
    lookup = {k.lower(): v for k, v in table.items()}
    quote_open = _quote_mask(text) if not quotes else None

    def repl(m: re.Match[str]) -> str:
        if quote_open is not None and quote_open(m.start()):
            return m.group()
        if rng.random() >= rate:
            return m.group()
        key = " ".join(m.group().lower().split())
        choices = lookup.get(key)
        if not choices:
            return m.group()
        out = _case_like(m.group(), rng.choice(choices))
        if log is not None:
            log.append((m.start(), m.group(), out))
        return out

    return pattern.sub(repl, text)


def replaceable(text: str, table: dict[str, list[str]] | None = None) -> int:
    """How many words of ``text`` the spinner could replace."""
    return sum(1 for _ in _pattern_for(TABLE if table is None else table).finditer(text))


_PATTERNS: dict[int, re.Pattern[str]] = {}


def _pattern_for(table: dict[str, list[str]]) -> re.Pattern[str]:
    key = id(table)
    if key not in _PATTERNS:
        _PATTERNS[key] = _compile(table)
    return _PATTERNS[key]


def _quote_mask(text: str):
    spans = [m.span() for m in re.finditer(r"[\"“][^\"“”\n]*[\"”]", text)]

    def inside(i: int) -> bool:
        return any(a <= i < b for a, b in spans)

    return inside


def is_tuning(key: str) -> bool:
    """The half of the table that may be looked at while developing the detector."""
    return zlib.crc32(key.lower().encode()) % 2 == 0


def split_table(
    table: dict[str, list[str]] | None = None,
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(tuning half, held-out half) of ``table``, split by a hash of the original word."""
    table = TABLE if table is None else table
    tuning = {k: v for k, v in table.items() if is_tuning(k)}
    held = {k: v for k, v in table.items() if not is_tuning(k)}
    return tuning, held


def held_out_table(
    detector_synonyms: dict[tuple[str, ...], list[tuple[tuple[str, ...], object]]],
    table: dict[str, list[str]] | None = None,
) -> dict[str, list[str]]:
    """``table`` (default: the whole table) minus every substitution the detector's synonym
    table contains.

    ``detector_synonyms`` is :func:`stylelint_rules._spin_lexicon.load_synonyms`'s result.
    """
    table = TABLE if table is None else table
    known = {
        (" ".join(orig), " ".join(spun))
        for orig, alts in detector_synonyms.items()
        for spun, _ in alts
    }
    out = {}
    for orig, alts in table.items():
        keep = [a for a in alts if (orig.lower(), a.lower()) not in known]
        if keep:
            out[orig] = keep
    return out
