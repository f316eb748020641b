package com.kin.load.data;

/** Small built-in word lists; combined, they give a million contacts believable and varied names. */
final class Words {

    static final String[] FIRST_NAMES = {
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
        "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Ashley",
        "Donald", "Kimberly", "Steven", "Emily", "Andrew", "Donna", "Paul", "Michelle", "Joshua", "Carol",
        "Kenneth", "Amanda", "Kevin", "Melissa", "Brian", "Deborah", "George", "Stephanie", "Timothy", "Rebecca",
        "Ronald", "Sharon", "Jason", "Laura", "Edward", "Cynthia", "Jeffrey", "Amy", "Ryan", "Kathleen",
        "Jacob", "Angela", "Gary", "Shirley", "Nicholas", "Brenda", "Eric", "Emma", "Jonathan", "Anna",
        "Maria", "Jose", "Wei", "Priya", "Ahmed", "Fatima", "Hiroshi", "Yuki", "Olga", "Mateo"};

    static final String[] LAST_NAMES = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Chen", "Patel", "Kim", "Singh", "Cohen", "O'Brien", "Murphy", "Kowalski", "Schmidt", "Rossi"};

    static final String[] ORGANIZATION_WORDS = {
        "Acme", "Summit", "Blue Ridge", "Harbor", "Pinnacle", "Redwood", "Granite", "Silver Lake", "Northwind",
        "Lakeside", "Evergreen", "Cedar", "Ironbridge", "Golden Gate", "Riverside", "Oakmont", "Brightside",
        "Crescent", "Maple", "Horizon", "Keystone", "Sterling", "Meridian", "Atlas", "Beacon"};

    static final String[] ORGANIZATION_KINDS = {
        "Dental", "Logistics", "Realty", "Consulting", "Plumbing", "Insurance", "Bakery", "Auto Repair", "Law Group",
        "Clinic", "Construction", "Capital", "Software", "Landscaping", "Veterinary", "Motors", "Foods", "Fitness"};

    static final String[] ORGANIZATION_SUFFIXES = {"Inc.", "LLC", "Co.", "Group", "& Sons", "Partners", ""};

    static final String[] EMAIL_DOMAINS = {"gmail.com", "yahoo.com", "outlook.com", "icloud.com", "example.com"};

    static final String[] OUTBOUND_BODIES = {
        "Hi %s, your appointment is confirmed for tomorrow at 10am. Reply C to confirm.",
        "Hi %s, thanks for your call today. Let us know if you have any other questions.",
        "Hi %s, your invoice is ready. You can pay online or call us back.",
        "Hi %s, just checking in on your order - it ships today.",
        "Hi %s, we tried to reach you. When is a good time to call?",
        "%s, a reminder that your renewal is due this month."};

    static final String[] INBOUND_BODIES = {
        "Yes, confirmed. Thanks!", "Can you call me back after 3pm?", "Running late, be there in 15 minutes.",
        "What time do you open on Saturday?", "Got it, thank you.", "Please send the invoice again, I lost it.",
        "STOP", "Is my order ready for pickup?", "Can we move it to next week?", "Perfect, see you then."};

    static final String[] TRANSCRIPTION_TOPICS = {
        "my invoice", "the order I placed last week", "rescheduling my appointment", "a delivery that never arrived",
        "my account login", "a quote for the new project", "the renewal of my plan", "a billing error"};

    private Words() {
    }
}
