"""Word stock for parties, items, places and slogans, per language. Vendor and customer names come from
the same stock on purpose: only the layout says which party issued the document."""

from __future__ import annotations

import random

_COMPANY = {
    "he": (
        ["אור", "גל", "שקד", "תמר", "הדר", "אלון", "נגה", "רימון", "כרמל", "ארבל", "צוקים", "דקל", "ברוש"],
        ["מערכות", "שירותים", "טכנולוגיות", "הנדסה", "סחר", "ייעוץ", "תקשורת", "לוגיסטיקה", "מזון", "בנייה"],
        ['בע"מ', 'בע"מ', "בעמ", "", "ושות'", "(1998)"],
    ),
    "en": (
        [
            "Blue",
            "North",
            "Cedar",
            "Summit",
            "Bright",
            "Atlas",
            "Maple",
            "Harbor",
            "Orion",
            "Granite",
            "Vista",
        ],
        ["Systems", "Consulting", "Supplies", "Labs", "Trading", "Works", "Partners", "Logistics", "Foods"],
        ["Ltd", "Inc.", "LLC", "Limited", "Co.", "", "Group"],
    ),
    "de": (
        ["Nordlicht", "Bergmann", "Alpen", "Rhein", "Weber", "Sonnen", "Falken", "Eichen"],
        ["Technik", "Handel", "Logistik", "Bau", "Software", "Druck", "Service"],
        ["GmbH", "GmbH & Co. KG", "AG", "e.K.", "UG"],
    ),
    "fr": (
        ["Lumière", "Dupont", "Atlantique", "Provence", "Horizon", "Martin", "Étoile"],
        ["Conseil", "Services", "Distribution", "Informatique", "Bâtiment", "Transports"],
        ["SARL", "SAS", "SA", "EURL"],
    ),
    "es": (
        ["Sol", "Ibérica", "Montaña", "García", "Levante", "Mar", "Castilla"],
        ["Servicios", "Tecnología", "Distribuciones", "Consultores", "Construcciones", "Logística"],
        ["S.L.", "S.A.", "S.L.U.", "SL"],
    ),
}
ITEMS = {
    "he": [
        "שירותי ייעוץ",
        "רישיון תוכנה",
        "תחזוקה חודשית",
        "התקנת ציוד",
        "הדרכת צוות",
        "אחסון ענן",
        "שעות פיתוח",
        "נייר A4",
        "טונר למדפסת",
        "הובלה",
        "חומרי ניקוי",
        "קפה ועוגה",
        "ארוחת צהריים",
        "דמי מנוי",
        "תיקון מזגן",
        "כבל רשת",
        "שולחן משרדי",
        "עיצוב לוגו",
    ],
    "en": [
        "Consulting services",
        "Software license",
        "Monthly maintenance",
        "Equipment installation",
        "Training session",
        "Cloud hosting",
        "Development hours",
        "A4 paper",
        "Printer toner",
        "Delivery",
        "Cleaning supplies",
        "Coffee",
        "Sandwich",
        "Subscription fee",
        "AC repair",
        "Network cable",
        "Office desk",
        "Logo design",
    ],
    "de": [
        "Beratung",
        "Softwarelizenz",
        "Wartung (monatlich)",
        "Montage",
        "Schulung",
        "Cloud-Hosting",
        "Entwicklungsstunden",
        "Kopierpapier A4",
        "Toner",
        "Versand",
        "Reinigungsmittel",
        "Kaffee",
    ],
    "fr": [
        "Prestation de conseil",
        "Licence logicielle",
        "Maintenance mensuelle",
        "Installation",
        "Formation",
        "Hébergement cloud",
        "Heures de développement",
        "Papier A4",
        "Toner",
        "Livraison",
        "Produits d'entretien",
        "Café",
    ],
    "es": [
        "Servicios de consultoría",
        "Licencia de software",
        "Mantenimiento mensual",
        "Instalación",
        "Formación",
        "Alojamiento en la nube",
        "Horas de desarrollo",
        "Papel A4",
        "Tóner",
        "Envío",
        "Productos de limpieza",
        "Café",
    ],
}
CITIES = {
    "he": ["תל אביב", "חיפה", "ירושלים", "ראשון לציון", "באר שבע", "נתניה", "פתח תקווה", "הרצליה"],
    "en": ["Springfield", "Leeds", "Boston", "Tel Aviv", "Dublin", "Manchester", "Austin"],
    "de": ["Berlin", "München", "Hamburg", "Köln", "Stuttgart"],
    "fr": ["Paris", "Lyon", "Marseille", "Nantes", "Bordeaux"],
    "es": ["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"],
}
STREETS = {
    "he": ["רחוב הרצל", "שדרות רוטשילד", "דרך בגין", "רחוב הברזל", "רחוב העצמאות", "רחוב ז'בוטינסקי"],
    "en": ["Harbor Road", "King Street", "Main St.", "Elm Avenue", "Market Street"],
    "de": ["Hauptstraße", "Bahnhofstraße", "Gartenweg", "Industriestraße"],
    "fr": ["rue de la Paix", "avenue Victor Hugo", "boulevard Voltaire", "rue du Commerce"],
    "es": ["Calle Mayor", "Avenida de la Constitución", "Calle del Sol", "Paseo de Gracia"],
}
# Slogans sit right beside the vendor's name: a vendor finder must not take them.
TAGLINES = {
    "he": ["השירות הטוב בעיר", "איכות ללא פשרות", "מאז 1987", "הפתרון המלא לעסק שלך", "טעים כמו בבית"],
    "en": ["Quality you can trust", "Since 1987", "Your partner in growth", "Fresh every day", "We deliver"],
    "de": ["Qualität seit 1987", "Ihr Partner vor Ort", "Einfach besser"],
    "fr": ["La qualité avant tout", "Depuis 1987", "Votre partenaire"],
    "es": ["Calidad garantizada", "Desde 1987", "Su socio de confianza"],
}


def company(rng: random.Random, language: str) -> str:
    if language == "he" and rng.random() < 0.12:  # Israeli firms with English names, Hebrew suffix
        first, second, _ = _COMPANY["en"]
        return f'{rng.choice(first)} {rng.choice(second)} בע"מ'
    first, second, suffix = _COMPANY[language]
    words = [rng.choice(first), rng.choice(second), rng.choice(suffix)]
    if language == "en" and rng.random() < 0.2:
        words = [rng.choice(first), "&", rng.choice(first), rng.choice(suffix)]
    return " ".join(word for word in words if word)


def document_number(rng: random.Random, language: str) -> str:
    shapes = [
        lambda: str(rng.randint(1000, 99999)),
        lambda: str(rng.randint(100000, 9999999)),
        lambda: f"{rng.choice(['INV', 'RE', 'F', 'A', 'FAC'])}-{rng.randint(1000, 99999)}",
        lambda: f"{rng.randint(2024, 2026)}-{rng.randint(1, 9999):04d}",
        lambda: f"{rng.choice('ABCS')}{rng.randint(10000, 999999)}",
        lambda: f"{rng.randint(10, 99)}/{rng.randint(1000, 9999)}",
    ]
    if language == "he":
        shapes = shapes[:2] + shapes[3:4] + shapes[:2]  # Israeli numbering is mostly plain digits
    return rng.choice(shapes)()


def address(rng: random.Random, language: str) -> str:
    street, city = rng.choice(STREETS[language]), rng.choice(CITIES[language])
    number = rng.randint(1, 180)
    if language in ("en",):
        return f"{number} {street}, {city}"
    if language in ("de", "es"):
        return f"{street} {number}, {rng.randint(10000, 99999)} {city}"
    if language == "fr":
        return f"{number} {street}, {rng.randint(10000, 95999)} {city}"
    return f"{street} {number}, {city}"


def phone(rng: random.Random, language: str) -> str:
    if language == "he" or rng.random() < 0.3:
        return f"0{rng.choice([2, 3, 4, 8, 9])}-{rng.randint(5000000, 9999999)}"
    country = rng.choice([1, 44, 49, 33, 34])
    return f"+{country} {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
