#pragma once
// A small municipality in the import format: a social domain department with a municipality-led district
// team (type 4), a contractor-led one with only a municipal coordinator (type 1) and a back office.
#include <string>

#include "core/date.hpp"

namespace kwm::store::testing {

inline const std::string kUnitsCsv =
    "code,name,parent_code,kind,pillars,direction,contractor,location\n"
    "WT-N,Wijkteam Noord,SD,district_team,care|youth,municipality,,fixed\n"  // parent defined below
    "SD,Sociaal domein,,department,,,,\n"
    "WT-Z,Wijkteam Zuid,SD,district_team,care,contractor,Zorggroep Zuid,network\n"
    "BO,Backoffice,SD,back_office,care|youth|participation,,,\n";

inline const std::string kFunctionsCsv =
    "code,name,level,education_level,scale,status\n"
    "CONS,Consulent sociaal domein,junior,hbo,9,changed\n"
    "CONS,Consulent sociaal domein,senior,hbo,10,changed\n"
    "TC,Teamcoördinator,coordinator,hbo,11,new\n"
    "ADM,Administratief medewerker,medior,mbo,7,unchanged\n";

inline std::string in_months(int months) { return Date::today().plus_months(months).iso(); }

inline std::string positions_csv() {
  return "unit_code,function_code,level,fte,kind,end_date\n"
         "WT-N,CONS,senior,2,structural,\n"
         "WT-N,CONS,senior,0.5,temporary," + in_months(3) + "\n"
         "WT-Z,TC,coordinator,1,structural,\n"
         "BO,ADM,medior,3,structural,\n";
}

inline std::string people_csv() {
  return "personnel_number,name,unit_code,function_code,level,fte,contract,contract_end,hire_date,education_level,engagement,"
         "organisation\n"
         "1001,A. Jansen,WT-N,CONS,senior,1,permanent,,2019-04-01,hbo,employee,\n"
         "1002,B. de Vries,WT-N,CONS,senior,0.8,temporary," + in_months(2) + ",2024-01-01,hbo,employee,\n"
         "E-1,C. Bakker,WT-N,,,0.6,temporary," + in_months(12) + ",,,secondment,Zorggroep Noord\n"
         "1003,D. Smit,WT-Z,TC,coordinator,1,permanent,,2015-01-01,hbo,employee,\n"
         "E-2,E. Visser,WT-Z,,,0.9,temporary," + in_months(12) + ",,,secondment,Zorggroep Zuid\n"
         "E-3,F. Mulder,WT-Z,,,0.7,temporary," + in_months(12) + ",,,hired,Interim Partners\n"
         "1004,G. Bos,BO,ADM,medior,1,permanent,,2010-01-01,mbo,employee,\n";
}

}  // namespace kwm::store::testing
